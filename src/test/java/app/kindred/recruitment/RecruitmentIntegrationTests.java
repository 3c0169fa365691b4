package app.kindred.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.kindred.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.Mails;
import app.kindred.TestData;
import app.kindred.core.Language;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeText;
import app.kindred.recruitment.internal.SeatAllocator;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import org.hamcrest.Matchers;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

@SpringBootTest
@AutoConfigureMockMvc
class RecruitmentIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	RecruitmentService recruitment;

	@Autowired
	ProgrammeService programmes;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SeatAllocator allocator;

	@Test
	void seatsInArrivalOrderThenWaitsWithPositionsAndPromotesOnWithdrawal() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true,
				data.settings(2, data.now().minus(Duration.ofDays(1)), EligibilityKind.NONE, null));
		var people = new ArrayList<TestData.Person>();
		for (int i = 0; i < 4; i++) {
			var person = data.person("student" + i);
			people.add(person);
			mvc.perform(signUp(programme, person)).andExpect(redirectedUrl(statusPath(programme)));
		}
		assertThat(states(programme, people)).containsExactly("SEATED 0", "SEATED 0", "WAITING 1", "WAITING 2");
		mvc.perform(get(statusPath(programme)).with(as(people.get(3))))
			.andExpect(content().string(containsString("on the waiting list, in place 2")));
		assertThat(Mails.await(mail, people.get(0).email(), 1)[0].getSubject()).startsWith("You have a place");
		assertThat(Mails.await(mail, people.get(2).email(), 1)[0].getSubject())
			.startsWith("You are on the waiting list");

		mvc.perform(post(statusPath(programme) + "/withdraw").with(csrf()).with(as(people.get(0))))
			.andExpect(redirectedUrl(statusPath(programme)));
		assertThat(states(programme, people)).containsExactly("WITHDRAWN 0", "SEATED 0", "SEATED 0", "WAITING 1");
		assertThat(Mails.await(mail, people.get(2).email(), 2)).extracting(m -> m.getSubject())
			.anySatisfy(subject -> assertThat(subject).startsWith("A place came free for you"));
		assertThat(seatedInPool(programme)).isEqualTo(2);
	}

	@Test
	void aSecondAttemptShowsTheFirstApplication() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var person = data.person("double-clicker");
		mvc.perform(signUp(programme, person)).andExpect(redirectedUrl(statusPath(programme)));
		mvc.perform(signUp(programme, person)).andExpect(redirectedUrl(statusPath(programme)));
		mvc.perform(get("/programmes/" + programme.value() + "/sign-up/participant").with(as(person)))
			.andExpect(redirectedUrl(statusPath(programme)));
		assertThat(count(programme)).isEqualTo(1);
	}

	@Test
	void refusesOutsideTheWindowAndStoresNothing() throws Exception {
		var staff = data.staff();
		var notYet = data.programme(staff, true,
				data.settings(10, data.now().plus(Duration.ofDays(3)), EligibilityKind.NONE, null));
		var closed = data.programme(staff, true,
				data.settings(10, data.now().minus(Duration.ofDays(50)), EligibilityKind.NONE, null));
		var person = data.person("late");
		mvc.perform(signUp(notYet, person).header("Accept-Language", "fi")).andExpect(status().isConflict());
		mvc.perform(signUp(closed, person))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("This window has closed. Nothing was stored.")));
		mvc.perform(get("/programmes/" + closed.value() + "/sign-up/participant").with(as(person)))
			.andExpect(status().isConflict());
		assertThat(count(notYet) + count(closed)).isZero();
	}

	@Test
	void enforcesTheEligibilityRule() throws Exception {
		var staff = data.staff();
		var domain = data.programme(staff, true,
				data.settings(10, data.now().minus(Duration.ofDays(1)), EligibilityKind.EMAIL_DOMAIN, "univ.example"));
		var declared = data.programme(staff, true, data.settings(10, data.now().minus(Duration.ofDays(1)),
				EligibilityKind.SELF_DECLARED, "doctoral student"));
		var person = data.person("outsider");
		mvc.perform(signUp(domain, person)).andExpect(status().isConflict());
		mvc.perform(signUp(declared, person)).andExpect(status().isUnprocessableContent());
		mvc.perform(signUp(declared, person).param("declaredEligible", "true"))
			.andExpect(redirectedUrl(statusPath(declared)));
		assertThat(count(domain)).isZero();
		assertThat(count(declared)).isEqualTo(1);
	}

	@Test
	void badInputGetsAClearMessageAndStoresNothing() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var person = data.person("careless");
		var path = "/programmes/" + programme.value() + "/sign-up/participant";
		mvc.perform(post(path).with(csrf())
			.with(as(person))
			.param("languages", "FI")
			.param("delivery", "REMOTE")
			.param("consent", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please choose one of the options shown.")));
		mvc.perform(post(path).with(csrf())
			.with(as(person))
			.param("languages", "XX")
			.param("delivery", "REMOTE")
			.param("consent", "true")).andExpect(status().isUnprocessableContent());
		mvc.perform(post(path).with(csrf())
			.with(as(person))
			.param("languages", "EN")
			.param("delivery", "CAMPUS")
			.param("consent", "true")).andExpect(status().isUnprocessableContent());
		mvc.perform(post(path).with(csrf()).with(as(person)).param("languages", "EN").param("delivery", "REMOTE"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(signUp(programme, person).param("department", "x".repeat(201)))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post("/programmes/" + programme.value() + "/sign-up/mentor").with(csrf())
			.with(as(person))
			.param("languages", "EN")
			.param("delivery", "REMOTE")
			.param("consent", "true")).andExpect(status().isUnprocessableContent());
		mvc.perform(signUp(programme, person).param("languages", "EN")).andExpect(redirectedUrl(statusPath(programme)));
		assertThat(count(programme)).isEqualTo(1);
		mvc.perform(post("/programmes/" + programme.value() + "/sign-up/admin").with(csrf()).with(as(person)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/programmes/" + UUID.randomUUID() + "/sign-up/participant").with(csrf()).with(as(person)))
			.andExpect(status().isNotFound());
		var draft = data.programme(staff, false);
		mvc.perform(signUp(draft, person)).andExpect(status().isNotFound());
		assertThat(count(draft)).isZero();
	}

	@Test
	void addedSeatsPromoteFromTheWaitingListAtOnce() throws Exception {
		var staff = data.staff();
		var settings = data.settings(1, data.now().minus(Duration.ofDays(1)), EligibilityKind.NONE, null);
		var programme = data.programme(staff, true, settings);
		var people = List.of(data.person("first"), data.person("second"), data.person("third"));
		for (var person : people) {
			mvc.perform(signUp(programme, person));
		}
		assertThat(states(programme, people)).containsExactly("SEATED 0", "WAITING 1", "WAITING 2");
		var more = data.settings(2, settings.signupOpens(), EligibilityKind.NONE, null);
		programmes.update(programme, Map.of(Language.EN, new ProgrammeText("Test programme", "More seats.", "")),
				EnumSet.of(Language.EN), more, staff.coordinator().id());
		await().atMost(Duration.ofSeconds(10))
			.until(() -> states(programme, people).equals(List.of("SEATED 0", "SEATED 0", "WAITING 1")));
	}

	@Test
	void coordinatorsSeeApplicationsAndExportThemSafelyForSpreadsheets() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true,
				data.settings(1, data.now().minus(Duration.ofDays(1)), EligibilityKind.NONE, null));
		var first = data.person("first");
		var second = data.person("second");
		mvc.perform(signUp(programme, first).param("department", "Kemia"));
		mvc.perform(signUp(programme, second).param("department", "=HYPERLINK(\"http://evil.example\")"));

		mvc.perform(get("/programmes/" + programme.value() + "/applications").with(as(staff.coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(first.email())))
			.andExpect(content().string(containsString("Waiting list, place 1")))
			.andExpect(content().string(containsString("Participants (1 with a place, 1 waiting)")));
		mvc.perform(get("/programmes/" + programme.value() + "/applications").param("state", "WAITING")
			.with(as(staff.coordinator()))).andExpect(content().string(Matchers.not(containsString(first.email()))));

		var csv = mvc
			.perform(get("/programmes/" + programme.value() + "/applications.csv").with(as(staff.coordinator())))
			.andExpect(status().isOk())
			.andExpect(MockMvcResultMatchers.header()
				.string("Content-Disposition", containsString("applications-participant.csv")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		var text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF\"Arrival\";\"State\"");
		assertThat(text).contains("\"Kemia\"").contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
		assertThat(text.lines()).hasSize(3);

		var firstApplication = recruitment.find(programme, RecruitmentRole.PARTICIPANT, first.id()).orElseThrow().id();
		mvc.perform(
				post("/programmes/" + programme.value() + "/applications/" + firstApplication + "/decline").with(csrf())
					.with(as(staff.coordinator()))
					.param("reason", " "))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(
				post("/programmes/" + programme.value() + "/applications/" + firstApplication + "/decline").with(csrf())
					.with(as(staff.teacher()))
					.param("reason", "Not a student here"))
			.andExpect(status().isForbidden());
		var other = data.programme(staff, true);
		mvc.perform(post("/programmes/" + other.value() + "/applications/" + firstApplication + "/decline").with(csrf())
			.with(as(staff.coordinator()))
			.param("reason", "Wrong programme id")).andExpect(status().isNotFound());
		assertThat(states(programme, List.of(first, second))).containsExactly("SEATED 0", "WAITING 1");

		mvc.perform(
				post("/programmes/" + programme.value() + "/applications/" + firstApplication + "/decline").with(csrf())
					.with(as(staff.coordinator()))
					.param("reason", "Not a student here")
					.param("confirmed", "true"))
			.andExpect(status().is3xxRedirection());
		assertThat(states(programme, List.of(first, second))).containsExactly("DECLINED 0", "SEATED 0");
		mvc.perform(get("/programmes/" + programme.value() + "/applications").with(as(staff.coordinator())))
			.andExpect(content().string(
					containsString("declined the application of first · " + first.email() + ": Not a student here")));
		assertThat(Mails.await(mail, first.email(), 2)).extracting(m -> m.getSubject())
			.anySatisfy(subject -> assertThat(subject).startsWith("Your application was declined"));
	}

	@Test
	void decidesASignUpLeftPendingWithoutAnyoneAsking() {
		var staff = data.staff();
		var programme = data.programme(staff, true,
				data.settings(1, data.now().minus(Duration.ofDays(1)), EligibilityKind.NONE, null));
		var person = data.person("abandoned");
		allocator.ensurePool(programme, RecruitmentRole.PARTICIPANT, 1);
		// As if the request had stopped between committing its application and the
		// decision
		jdbc.sql("""
				insert into application (id, programme_id, role, account_id, state, languages, delivery, created_at)
				values (?, ?, 'PARTICIPANT', ?, 'PENDING', 'EN', 'REMOTE', ?)""")
			.params(UUID.randomUUID(), programme.value(), person.id().value(), Timestamp.from(data.now()))
			.update();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> recruitment.find(programme, RecruitmentRole.PARTICIPANT, person.id())
				.orElseThrow()
				.state() == ApplicationState.SEATED);
	}

	private MockHttpServletRequestBuilder signUp(ProgrammeId programme, TestData.Person person) {
		return post("/programmes/" + programme.value() + "/sign-up/participant").with(csrf())
			.with(as(person))
			.param("languages", "EN")
			.param("delivery", "REMOTE")
			.param("consent", "true");
	}

	private static String statusPath(ProgrammeId programme) {
		return "/programmes/" + programme.value() + "/applications/participant";
	}

	private List<String> states(ProgrammeId programme, List<TestData.Person> people) {
		return people.stream()
			.map(p -> recruitment.find(programme, RecruitmentRole.PARTICIPANT, p.id()).orElseThrow())
			.map(a -> a.state() + " " + a.position())
			.toList();
	}

	private int count(ProgrammeId programme) {
		return jdbc.sql("select count(*) from application where programme_id = ?")
			.param(programme.value())
			.query(Integer.class)
			.single();
	}

	private int seatedInPool(ProgrammeId programme) {
		return jdbc.sql("select seated from seat_pool where programme_id = ? and role = 'PARTICIPANT'")
			.param(programme.value())
			.query(Integer.class)
			.single();
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
