package app.kindred.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.kindred.grouping.internal.FormationResult;
import app.kindred.grouping.internal.FormationPreferences;
import app.kindred.grouping.internal.FormationService;
import app.kindred.grouping.internal.ProblemReader;
import app.kindred.grouping.internal.Proposal;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.kindred.TestData;
import app.kindred.core.Language;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.CallService;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.SignUpAnswers;
import app.kindred.training.TrainingService;
import java.util.Optional;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Changing a proposal by hand (swaps, new and removed groups), and one run per programme
 * across instances: a run claimed elsewhere shows and blocks, a stop asked elsewhere
 * stops it, a stop at once after the start stops it too.
 */
@ActiveProfiles("dev") // the development mailbox
@SpringBootTest(properties = "spring.mail.host=")
@AutoConfigureMockMvc
class ProposalEditsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	RecruitmentService recruitment;

	@Autowired
	CallService calls;

	@Autowired
	TrainingService training;

	@Autowired
	FormationService formations;

	@Autowired
	ProblemReader problems;

	@Autowired
	ProgrammeAccess access;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void swapsAddsAndRemovesGroupsCheckingTheRulesEachTime() throws Exception {
		var staff = data.staff();
		var programme = programme(staff);
		var coordinator = staff.coordinator();
		var base = "/programmes/" + programme.value() + "/groups";
		formations.start(programme, Duration.ofSeconds(2), coordinator.id());
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> proposal(programme, staff).isPresent());
		var first = proposal(programme, staff).orElseThrow();
		assertThat(first.groups()).hasSize(2);
		var tuesday = first.groups().stream().filter(g -> g.slot().equals("TUE1615")).findFirst().orElseThrow();
		var wednesday = first.groups().stream().filter(g -> g.slot().equals("WED1615")).findFirst().orElseThrow();

		// Two participants who can both make both times trade groups in one step; no rule
		// breaks
		var flexibleTue = tuesday.participants()
			.stream()
			.filter(p -> p.equals(flexible[0]) || p.equals(flexible[1]))
			.findFirst()
			.orElseThrow();
		var flexibleWed = wednesday.participants()
			.stream()
			.filter(p -> p.equals(flexible[0]) || p.equals(flexible[1]))
			.findFirst()
			.orElseThrow();
		mvc.perform(post(base + "/swap").with(csrf())
			.with(as(coordinator))
			.param("person", flexibleTue.toString())
			.param("other", flexibleWed.toString())).andExpect(redirectedUrl(base));
		var swapped = proposal(programme, staff).orElseThrow();
		assertThat(group(swapped, tuesday.id()).participants()).contains(flexibleWed).doesNotContain(flexibleTue);
		assertThat(group(swapped, wednesday.id()).participants()).contains(flexibleTue).doesNotContain(flexibleWed);
		assertThat(swapped.constraints()).allSatisfy(c -> assertThat(c.hardScore()).isZero());

		// Swapping a Tuesday mentor with a Wednesday-only participant breaks rules, and
		// the page says which
		mvc.perform(post(base + "/swap").with(csrf())
			.with(as(coordinator))
			.param("person", tuesday.mentors().getFirst().toString())
			.param("other",
					wednesday.participants()
						.stream()
						.filter(p -> !List.of(flexible).contains(p))
						.findFirst()
						.orElseThrow()
						.toString()))
			.andExpect(redirectedUrl(base));
		mvc.perform(get(base).with(as(coordinator)))
			.andExpect(content().string(containsString("This proposal breaks these rules after the changes by hand:")))
			// Each breach is named with its group and the people in it
			.andExpect(content().string(containsString(": Every member can attend the weekly time</span>: <span>")));
		mvc.perform(post(base + "/swap").with(csrf())
			.with(as(coordinator))
			.param("person", UUID.randomUUID().toString())
			.param("other", flexibleTue.toString())).andExpect(status().isNotFound());

		// A new empty group: only at a time, in a language and at a place the programme
		// offers
		mvc.perform(post(base + "/add").with(csrf())
			.with(as(coordinator))
			.param("slot", "FRI0800")
			.param("language", "en")
			.param("place", "remote"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(
					content().string(containsString("Please choose one of the weekly times this programme offers.")));
		mvc.perform(post(base + "/add").with(csrf())
			.with(as(coordinator))
			.param("slot", "TUE1615")
			.param("language", "sv")
			.param("place", "remote"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please choose one of the languages this programme")));
		mvc.perform(post(base + "/add").with(csrf())
			.with(as(coordinator))
			.param("slot", "TUE1615")
			.param("language", "en")
			.param("place", "Moon campus"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please choose remote or one of the programme")));
		assertThat(proposal(programme, staff).orElseThrow().groups()).hasSize(2);
		mvc.perform(post(base + "/add").with(csrf())
			.with(as(coordinator))
			.param("slot", "TUE1615")
			.param("language", "en")
			.param("place", "remote")).andExpect(redirectedUrl(base));
		var added = proposal(programme, staff).orElseThrow();
		assertThat(added.groups()).hasSize(3);
		var empty = added.groups().getLast();
		assertThat(empty.members()).isEmpty();
		assertThat(empty.slot()).isEqualTo("TUE1615");

		// Removing a group leaves its members without one
		mvc.perform(post(base + "/remove").with(csrf()).with(as(coordinator)).param("group", wednesday.id().toString()))
			.andExpect(redirectedUrl(base));
		var removed = proposal(programme, staff).orElseThrow();
		assertThat(removed.groups()).extracting(FormationResult.Group::id).doesNotContain(wednesday.id());
		assertThat(removed.unplaced()).extracting(FormationResult.Unplaced::personId)
			.containsAll(group(added, wednesday.id()).members());
		mvc.perform(post(base + "/remove").with(csrf()).with(as(coordinator)).param("group", wednesday.id().toString()))
			.andExpect(status().isNotFound());
		mvc.perform(post(base + "/remove").with(csrf()).with(as(staff.teacher())).param("group", empty.id().toString()))
			.andExpect(status().isForbidden());
	}

	@Test
	void oneRunPerProgrammeAcrossInstancesAndStopsThatAlwaysStop() throws Exception {
		var staff = data.staff();
		var programme = programme(staff);
		var coordinator = staff.coordinator();
		var base = "/programmes/" + programme.value() + "/groups";

		// Another instance runs this programme's formation: it shows here, and here it
		// cannot start a second
		jdbc.sql("""
				insert into formation_run (programme_id, started_at, expires_at, score, feasible, participants_placed,
				                           participants, elapsed_ms) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(programme.value(), Timestamp.from(data.now()), Timestamp.from(data.now().plusSeconds(240)),
					"0hard/-100soft", true, 7, 9, 3000)
			.update();
		mvc.perform(get(base).with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Placed 7 of 9 participants so far.")))
			// In words and as a bar of the time the run was given (the claim's two
			// minutes)
			.andExpect(content().string(containsString("Every rule that must hold is met")))
			.andExpect(content().string(not(containsString("-100soft"))))
			.andExpect(content().string(containsString("Time used: 3 of 120 seconds")))
			.andExpect(content().string(containsString("<progress id=\"progress-bar\" max=\"120\" value=\"3\">")))
			.andExpect(content().string(containsString("aria-live=\"polite\"")));
		mvc.perform(post(base + "/run").with(csrf()).with(as(coordinator)).param("seconds", "5"))
			.andExpect(status().isConflict());
		// ... nor change a proposal the run is about to replace
		mvc.perform(post(base + "/add").with(csrf())
			.with(as(coordinator))
			.param("slot", "TUE1615")
			.param("language", "en")
			.param("place", "remote")).andExpect(status().isConflict());
		// A claim whose instance died expires, and the programme can be formed again
		jdbc.sql("update formation_run set expires_at = ? where programme_id = ?")
			.params(Timestamp.from(data.now().minusSeconds(1)), programme.value())
			.update();

		// Stopped at once after starting, even before the solver is under way: it stops,
		// not after 60 s
		long started = System.nanoTime();
		mvc.perform(post(base + "/run").with(csrf()).with(as(coordinator)).param("seconds", "60"))
			.andExpect(redirectedUrl(base));
		mvc.perform(post(base + "/stop").with(csrf()).with(as(coordinator))).andExpect(redirectedUrl(base));
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> idle(programme, staff));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
		assertThat(proposal(programme, staff)).isPresent();

		// A stop asked on another instance (the shared row) stops this instance's run
		var before = formations.overview(programme, coordinator.id()).proposal().orElseThrow().formedAt();
		started = System.nanoTime();
		mvc.perform(post(base + "/run").with(csrf()).with(as(coordinator)).param("seconds", "60"))
			.andExpect(redirectedUrl(base));
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("select count(*) from formation_run where programme_id = ? and participants > 0")
				.param(programme.value())
				.query(Integer.class)
				.single() == 1);
		jdbc.sql("update formation_run set stop_requested = ? where programme_id = ?")
			.params(true, programme.value())
			.update();
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> idle(programme, staff));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
		assertThat(formations.overview(programme, coordinator.id()).proposal().orElseThrow().formedAt())
			.isAfter(before);
		assertThat(jdbc.sql("select count(*) from formation_run where programme_id = ?")
			.param(programme.value())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theCoordinatorWeighsThePreferences() throws Exception {
		var staff = data.staff();
		var programme = programme(staff);
		var coordinator = staff.coordinator();
		var base = "/programmes/" + programme.value() + "/groups";
		mvc.perform(get(base).with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("id=\"placeParticipant\" name=\"placeParticipant\" value=\"100000\"")))
			.andExpect(content().string(containsString("value=\"3\"")));
		formations.start(programme, Duration.ofSeconds(2), coordinator.id());
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> proposal(programme, staff).isPresent());
		long balanced = balancedSizes(proposal(programme, staff).orElseThrow());
		assertThat(balanced).isNegative();

		// Wrong values come back at their fields, as typed, and nothing changes
		mvc.perform(post(base + "/preferences").with(csrf()).with(as(coordinator)).params(preferences("many", "0")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please enter a whole number.")))
			.andExpect(content().string(containsString("Please give a whole number from 1 to 50.")))
			.andExpect(content().string(containsString("value=\"many\"")));
		assertThat(formations.preferences(programme)).isEqualTo(FormationPreferences.DEFAULTS);
		mvc.perform(post(base + "/preferences").with(csrf()).with(as(staff.teacher())).params(preferences("2", "2")))
			.andExpect(status().isForbidden());

		// Balanced sizes weighed twice as much: the proposal is scored again with it, and
		// the next run uses it
		mvc.perform(post(base + "/preferences").with(csrf()).with(as(coordinator)).params(preferences("2", "2")))
			.andExpect(redirectedUrl(base));
		assertThat(formations.preferences(programme).weights().balancedSizes()).isEqualTo(2);
		assertThat(formations.preferences(programme).maxFromSameDepartment()).isEqualTo(2);
		assertThat(balancedSizes(proposal(programme, staff).orElseThrow())).isEqualTo(2 * balanced);
		assertThat(problems.problem(access.coordinated(programme, coordinator.id())).maxFromSameDepartment())
			.isEqualTo(2);
	}

	private static long balancedSizes(FormationResult result) {
		return result.constraints()
			.stream()
			.filter(c -> c.constraint().equals("Balanced group sizes"))
			.findFirst()
			.orElseThrow()
			.softScore();
	}

	private static MultiValueMap<String, String> preferences(String balanced, String department) {
		var form = new LinkedMultiValueMap<String, String>();
		form.add("placeParticipant", "100000");
		form.add("earlierSignUp", "10");
		form.add("preferredSlot", "50");
		form.add("coMentorWish", "200");
		form.add("experiencedMentor", "300");
		form.add("departmentMix", "100");
		form.add("balancedSizes", balanced);
		form.add("maxFromSameDepartment", department);
		return form;
	}

	/** Participants who can meet on both days. */
	private final UUID[] flexible = new UUID[2];

	/**
	 * Two mentors and four participants for Tuesday, as many for Wednesday; two
	 * participants can make both.
	 */
	private ProgrammeId programme(TestData.Staff staff) {
		var programme = data.programme(staff, true);
		var coordinator = staff.coordinator().id();
		calls.addSlot(programme, new Call.Slot(DayOfWeek.TUESDAY, LocalTime.of(16, 15)), coordinator);
		calls.addSlot(programme, new Call.Slot(DayOfWeek.WEDNESDAY, LocalTime.of(16, 15)), coordinator);
		training.changeRequiredTrainings(programme, 0, coordinator);
		for (var day : List.of("TUE1615", "WED1615")) {
			for (int i = 0; i < 2; i++) {
				signUp(programme, RecruitmentRole.MENTOR, "m" + day + i, Map.of(day, Call.Availability.PREFERRED));
			}
			for (int i = 0; i < 3; i++) {
				signUp(programme, RecruitmentRole.PARTICIPANT, "p" + day + i, Map.of(day, Call.Availability.PREFERRED));
			}
		}
		for (int i = 0; i < 2; i++) {
			flexible[i] = signUp(programme, RecruitmentRole.PARTICIPANT, "both" + i,
					Map.of("TUE1615", Call.Availability.POSSIBLE, "WED1615", Call.Availability.POSSIBLE));
		}
		return programme;
	}

	private Optional<FormationResult> proposal(ProgrammeId programme, TestData.Staff staff) {
		var overview = formations.overview(programme, staff.coordinator().id());
		return overview.running().isPresent() ? Optional.empty() : overview.proposal().map(Proposal::result);
	}

	private boolean idle(ProgrammeId programme, TestData.Staff staff) {
		return formations.overview(programme, staff.coordinator().id()).running().isEmpty();
	}

	private static FormationResult.Group group(FormationResult result, UUID id) {
		return result.groups().stream().filter(g -> g.id().equals(id)).findFirst().orElseThrow();
	}

	private UUID signUp(ProgrammeId programme, RecruitmentRole role, String who,
			Map<String, Call.Availability> availability) {
		var person = data.person(who);
		var details = new SignUpAnswers.Details(List.of(), availability, false, null, null, Map.of(), List.of());
		recruitment.signUp(recruitment.programme(programme), role, person.id(),
				new SignUpAnswers(EnumSet.of(Language.EN), SignUpAnswers.Delivery.REMOTE, null,
						role == RecruitmentRole.MENTOR ? "To help." : null, null, false, details));
		return person.id().value();
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
