package app.kindred.programme.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestSmtp;
import app.kindred.core.Forbidden;
import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.programme.MeetingTheme;
import app.kindred.programme.MeetingVariant;
import app.kindred.programme.OutlineItem;
import app.kindred.programme.SessionPlanService;
import org.assertj.core.groups.Tuple;

/**
 * Session plans: the shipped default, copies, versions that never change once published,
 * the version a programme uses, who may do what, and what is said about bad input.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionPlanIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	PlanLibraryService library;

	@Autowired
	ProgrammePlanService programmePlans;

	@Autowired
	SessionPlanService plans;

	@Autowired
	ShippedPlans shipped;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	// The shipped default

	@Test
	void theDefaultPlanHasSixTwoHourMeetingsInEveryLanguageWithBothVariants() {
		var file = ShippedPlans.read(new ClassPathResource(ShippedPlans.DEFAULT_RESOURCE));
		assertThat(file.meetings()).hasSize(6);
		var programme = data.programme(data.staff(), false);
		var stored = programmePlans.forProgramme(programme);
		assertThat(stored.meetings()).hasSize(6);
		for (var language : Language.values()) {
			assertThat(file.names()).containsKey(language);
			for (var meeting : stored.meetings()) {
				var text = meeting.texts().get(language);
				assertThat(text).as("meeting %d in %s", meeting.number(), language).isNotNull();
				assertThat(text.totalMinutes()).as("minutes of meeting %d in %s", meeting.number(), language)
					.isEqualTo(120);
				assertThat(text.outline()).hasSizeGreaterThanOrEqualTo(5);
				assertThat(List.of(text.theme(), text.aims(), text.instructions(), text.remoteInstructions(),
						text.campusInstructions()))
					.allSatisfy(t -> assertThat(t).isNotBlank());
			}
			// The first meeting agrees the ground rules: confidentiality, and nobody has
			// to share
			assertThat(stored.meeting(1).text(language).instructions()).containsAnyOf("Confidentiality",
					"Luottamuksellisuus", "Tystnadsplikt");
		}
		// Each language is its own text, not a copy of another
		assertThat(stored.meeting(3).text(Language.FI).theme()).isEqualTo("Itsemyötätunto ja sisäinen kriitikko");
		assertThat(stored.meeting(3).text(Language.SV).theme()).isEqualTo("Självmedkänsla och den inre kritikern");
	}

	@Test
	void theDefaultPlanIsStoredOnceEvenWhenTwoInstancesLoadItAtOnce() throws Exception {
		assertThat(jdbc.sql("select count(*) from session_plan where shipped_key = ?")
			.param(ProgrammePlanService.DEFAULT_PLAN)
			.query(Integer.class)
			.single()).isEqualTo(1);

		var file = ShippedPlans.read(new ClassPathResource(ShippedPlans.DEFAULT_RESOURCE));
		var key = "test-" + UUID.randomUUID();
		var plan = new ShippedPlans.Shipped(key, 1, file.names(), file.meetings());
		var start = new CyclicBarrier(2);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var loads = new ArrayList<Future<Boolean>>();
			for (int i = 0; i < 2; i++) {
				loads.add(pool.submit(() -> {
					start.await();
					return shipped.load(plan);
				}));
			}
			assertThat(List.of(loads.get(0).get(), loads.get(1).get())).containsExactlyInAnyOrder(true, false);
		}
		finally {
			pool.shutdown();
		}
		assertThat(shipped.load(plan)).isFalse();
		assertThat(jdbc.sql("select count(*) from session_plan where shipped_key = ?")
			.param(key)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from plan_version v join session_plan p on p.id = v.plan_id where p.shipped_key = ?""")
			.param(key)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from plan_meeting m join plan_version v on v.id = m.version_id
				  join session_plan p on p.id = v.plan_id where p.shipped_key = ?""")
			.param(key)
			.query(Integer.class)
			.single()).isEqualTo(6 * 3);
	}

	@Test
	void aNewVersionOfTheDefaultLeavesEveryProgrammeOnTheVersionItHad() {
		var staff = data.staff();
		var before = data.programme(staff, true);
		var had = programmePlans.forProgramme(before);
		var file = ShippedPlans.read(new ClassPathResource(ShippedPlans.DEFAULT_RESOURCE));

		assertThat(shipped.load(new ShippedPlans.Shipped(ProgrammePlanService.DEFAULT_PLAN, had.number() + 1,
				file.names(), file.meetings())))
			.isTrue();

		assertThat(programmePlans.forProgramme(before).id()).isEqualTo(had.id());
		var after = data.programme(staff, false);
		assertThat(programmePlans.forProgramme(after).number()).isEqualTo(had.number() + 1);
	}

	// Copies and versions

	@Test
	void aCopyTakesEveryMeetingInEveryLanguageAndLeavesTheOriginalAsItWas() {
		var staff = data.staff();
		var coordinator = staff.coordinator().id();
		var original = defaultPlan(staff);
		var source = original.current().orElseThrow();

		var copy = library.copy(staff.organisation(), source.id(), coordinator);

		var copied = library.plan(staff.organisation(), copy, coordinator);
		assertThat(copied.shipped()).isFalse();
		assertThat(copied.names()).isEqualTo(original.names());
		assertThat(copied.versions()).singleElement().satisfies(v -> {
			assertThat(v.number()).isEqualTo(1);
			assertThat(v.status()).isEqualTo(PlanStatus.DRAFT);
		});
		var draft = library.working(staff.organisation(), copy, coordinator);
		var from = library.version(staff.organisation(), source.id(), coordinator);
		assertThat(draft.meetings()).isEqualTo(from.meetings());

		library.editMeeting(staff.organisation(), copy, 2, Map.of(Language.EN, text("Our own theme")), coordinator);
		assertThat(library.version(staff.organisation(), source.id(), coordinator).meetings())
			.isEqualTo(from.meetings());
		assertThat(library.working(staff.organisation(), copy, coordinator).meeting(2).texts())
			.containsOnlyKeys(Language.EN);
	}

	@Test
	void editingAVersionInUseStartsANewDraftAndTheProgrammeKeepsItsVersion() {
		var staff = data.staff();
		var coordinator = staff.coordinator().id();
		var organisation = staff.organisation();
		var programme = data.programme(staff, true);
		var plan = library.copy(organisation, defaultPlan(staff).current().orElseThrow().id(), coordinator);
		var first = library.publish(organisation, plan, coordinator);
		programmePlans.choose(programme, first, coordinator);
		var theme = programmePlans.forProgramme(programme).meeting(1).text(Language.FI).theme();

		var edited = fi(library.working(organisation, plan, coordinator).meeting(1), "Tutustutaan ja sovitaan yhdessä");
		var draft = library.editMeeting(organisation, plan, 1, edited, coordinator);

		assertThat(draft).isNotEqualTo(first);
		assertThat(programmePlans.forProgramme(programme).id()).isEqualTo(first);
		assertThat(programmePlans.forProgramme(programme).meeting(1).text(Language.FI).theme()).isEqualTo(theme);
		// Editing again changes the same draft, not yet another version
		assertThat(library.editMeeting(organisation, plan, 1, edited, coordinator)).isEqualTo(draft);

		var second = library.publish(organisation, plan, coordinator);
		assertThat(second).isEqualTo(draft);
		assertThat(library.version(organisation, second, coordinator).number()).isEqualTo(2);
		assertThat(programmePlans.forProgramme(programme).id()).isEqualTo(first);
		assertThatThrownBy(() -> library.publish(organisation, plan, coordinator)).isInstanceOfSatisfying(Refused.class,
				r -> assertThat(r.key()).isEqualTo("plans.refused.NO_DRAFT"));

		programmePlans.choose(programme, second, coordinator);
		assertThat(programmePlans.forProgramme(programme).meeting(1).text(Language.FI).theme())
			.isEqualTo("Tutustutaan ja sovitaan yhdessä");
		assertThat(plans.forParticipants(programme, Language.FI).getFirst().theme())
			.isEqualTo("Tutustutaan ja sovitaan yhdessä");
		assertThat(library.plan(organisation, plan, coordinator).versions())
			.extracting(SessionPlan.Version::number, SessionPlan.Version::programmes)
			.containsExactly(Tuple.tuple(2, 1), Tuple.tuple(1, 0));
	}

	@Test
	void mentorsGetTheFullPlanForHowTheyMeetAndParticipantsOnlyTheThemes() {
		var programme = data.programme(data.staff(), true);
		var remote = plans.forMentors(programme, Language.SV, MeetingVariant.REMOTE);
		var campus = plans.forMentors(programme, Language.SV, MeetingVariant.ON_CAMPUS);
		assertThat(remote).hasSize(6).allSatisfy(m -> {
			assertThat(m.language()).isEqualTo(Language.SV);
			assertThat(m.totalMinutes()).isEqualTo(120);
		});
		assertThat(remote.getFirst().variantInstructions()).contains("videorummet");
		assertThat(campus.getFirst().variantInstructions()).contains("stolarna");
		assertThat(plans.forParticipants(programme, Language.EN)).extracting(MeetingTheme::theme)
			.containsExactly("Getting to know each other and agreeing our ground rules", "What is compassion?",
					"Self-compassion and the inner critic", "Compassion in the study and work community",
					"Common humanity and difficult emotions", "Looking back and closing");
	}

	// Access

	@Test
	void otherOrganisationsSeeNothingAndTeachersChangeNothing() throws Exception {
		var staff = data.staff();
		var other = data.staff();
		var organisation = staff.organisation();
		var plan = library.copy(organisation, defaultPlan(staff).current().orElseThrow().id(),
				staff.coordinator().id());
		var version = library.publish(organisation, plan, staff.coordinator().id());
		var programme = data.programme(staff, false);
		var otherProgramme = data.programme(other, false);
		var base = "/organisations/" + organisation.value() + "/plans/" + plan.value();

		// Another organisation's coordinator: not found, however it is reached
		mvc.perform(get(base).with(as(other.coordinator()))).andExpect(status().isNotFound());
		mvc.perform(get("/organisations/" + other.organisation().value() + "/plans/" + plan.value())
			.with(as(other.coordinator()))).andExpect(status().isNotFound());
		mvc.perform(post("/organisations/" + other.organisation().value() + "/plans/copy").with(csrf())
			.with(as(other.coordinator()))
			.param("version", version.value().toString())).andExpect(status().isNotFound());
		mvc.perform(post("/programmes/" + otherProgramme.value() + "/plan").with(csrf())
			.with(as(other.coordinator()))
			.param("version", version.value().toString())).andExpect(status().isNotFound());
		assertThatThrownBy(() -> programmePlans.choose(otherProgramme, version, other.coordinator().id()))
			.isInstanceOf(NotFoundException.class);

		// A teacher of the organisation reads, and changes nothing
		mvc.perform(get(base).with(as(staff.teacher()))).andExpect(status().isOk());
		mvc.perform(get("/programmes/" + programme.value() + "/plan").with(as(staff.teacher())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Use this version"))));
		mvc.perform(get(base + "/meetings/1").with(as(staff.teacher()))).andExpect(status().isForbidden());
		mvc.perform(meeting(post(base + "/meetings/1"), "A teacher's theme", "10 Opening").with(as(staff.teacher())))
			.andExpect(status().isForbidden());
		mvc.perform(post(base + "/publish").with(csrf()).with(as(staff.teacher()))).andExpect(status().isForbidden());
		mvc.perform(post("/programmes/" + programme.value() + "/plan").with(csrf())
			.with(as(staff.teacher()))
			.param("version", version.value().toString())).andExpect(status().isForbidden());
		assertThat(programmePlans.forProgramme(programme).id()).isNotEqualTo(version);

		// Kindred's own plan is read-only, even for coordinators
		var shippedPlan = "/organisations/" + organisation.value() + "/plans/" + defaultPlan(staff).id().value();
		mvc.perform(get(shippedPlan).with(as(staff.coordinator()))).andExpect(status().isOk());
		mvc.perform(get(shippedPlan + "/meetings/1").with(as(staff.coordinator()))).andExpect(status().isForbidden());
		assertThatThrownBy(() -> library.editMeeting(organisation, defaultPlan(staff).id(), 1,
				Map.of(Language.EN, text("Changed")), staff.coordinator().id()))
			.isInstanceOf(Forbidden.class);
	}

	// Bad input

	@Test
	void badInputIsToldAtTheFieldInTheUsersLanguageAndNothingIsStored() throws Exception {
		var staff = data.staff();
		var organisation = staff.organisation();
		var coordinator = staff.coordinator();
		var plan = library.copy(organisation, defaultPlan(staff).current().orElseThrow().id(), coordinator.id());
		var meetings = "/organisations/" + organisation.value() + "/plans/" + plan.value() + "/meetings/";
		var base = meetings + "2";
		var before = library.working(organisation, plan, coordinator.id());

		mvc.perform(get(base).with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The outline takes 120 minutes in all.")));
		mvc.perform(meeting(post(base), "Our theme", "Opening round\n0 Exercise").with(as(coordinator)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Line 1 does not start with the minutes.")))
			.andExpect(content().string(containsString("Our theme")))
			.andExpect(content().string(containsString("Opening round")));
		mvc.perform(meeting(post(base), "Our theme", "10 Opening round\n0 Exercise").param("lang", "fi")
			.with(as(coordinator)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Rivi 2: anna minuutit väliltä 1–240.")));
		mvc.perform(meeting(post(base), "", "10 Opening round").param("lang", "sv").with(as(coordinator)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(
					content().string(containsString("Ange temat, eller lämna alla fält för det här språket tomma.")));
		// The choice of language sticks to the account, so back to English
		mvc.perform(meeting(post(base), "x".repeat(201), "10 Opening round").param("lang", "en").with(as(coordinator)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please shorten this to at most 200 characters.")));
		mvc.perform(post(base).with(csrf()).with(as(coordinator)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please write the meeting in at least one language.")));
		mvc.perform(post("/programmes/" + data.programme(staff, false).value() + "/plan").with(csrf())
			.with(as(coordinator)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please choose one of the published versions shown.")));
		mvc.perform(get(meetings + "7").with(as(coordinator))).andExpect(status().isNotFound());
		mvc.perform(get(meetings + "two").with(as(coordinator))).andExpect(status().isNotFound());

		assertThat(library.working(organisation, plan, coordinator.id())).isEqualTo(before);

		// A good one is stored, with the outline parsed into minutes
		mvc.perform(
				meeting(post(base), "Our theme", "15 min Opening round\n\n105 Everything else").with(as(coordinator)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/organisations/" + organisation.value() + "/plans/" + plan.value()));
		var saved = library.working(organisation, plan, coordinator.id()).meeting(2).text(Language.EN);
		assertThat(saved.outline()).containsExactly(new OutlineItem(15, "Opening round"),
				new OutlineItem(105, "Everything else"));
		assertThat(saved.totalMinutes()).isEqualTo(120);
	}

	@Test
	void aDraftCannotBeUsedByAProgramme() {
		var staff = data.staff();
		var plan = library.copy(staff.organisation(), defaultPlan(staff).current().orElseThrow().id(),
				staff.coordinator().id());
		var draft = library.working(staff.organisation(), plan, staff.coordinator().id()).id();
		var programme = data.programme(staff, false);
		assertThatThrownBy(() -> programmePlans.choose(programme, draft, staff.coordinator().id()))
			.isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("plans.choose.invalid"));
	}

	// Helpers

	private SessionPlan defaultPlan(TestData.Staff staff) {
		return library.library(staff.organisation(), staff.coordinator().id())
			.stream()
			.filter(SessionPlan::shipped)
			.findFirst()
			.orElseThrow();
	}

	private static MeetingText text(String theme) {
		return new MeetingText(theme, null, List.of(new OutlineItem(120, "Everything")), null, null, null);
	}

	private static Map<Language, MeetingText> fi(MeetingPlan meeting, String theme) {
		var texts = new EnumMap<>(meeting.texts());
		var t = texts.get(Language.FI);
		texts.put(Language.FI, new MeetingText(theme, t.aims(), t.outline(), t.instructions(), t.remoteInstructions(),
				t.campusInstructions()));
		return texts;
	}

	/** A meeting form with English only. */
	private static MockHttpServletRequestBuilder meeting(MockHttpServletRequestBuilder request, String theme,
			String outline) {
		return request.with(csrf()).param("themeEn", theme).param("outlineEn", outline).param("aimsEn", "To practise.");
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
