package app.kindred.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

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

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.Mails;
import app.kindred.CookieSession;
import app.kindred.TestData;
import app.kindred.TestSmtp;
import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.identity.AccountService;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeId;

/**
 * A person takes part in a programme in one role, and may step back and come again while
 * the window is open: the rules and the dead ends of issue 12.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OneRoleIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	RecruitmentService recruitment;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountService accounts;

	@Test
	void aPlacedParticipantCannotAlsoApplyAsMentorAndIsShownTheirSignUp() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var person = data.person("placed");
		mvc.perform(signUp(programme, person, RecruitmentRole.PARTICIPANT))
			.andExpect(redirectedUrl(statusPath(programme, RecruitmentRole.PARTICIPANT)));

		mvc.perform(get("/programmes/" + programme.value() + "/sign-up/mentor").with(as(person)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("you cannot also apply to be a mentor")))
			.andExpect(content().string(containsString("href=\"" + statusPath(programme, RecruitmentRole.PARTICIPANT)
					+ "\">See your sign-up as a participant")))
			.andExpect(content().string(not(containsString("name=\"motivation\""))));
		mvc.perform(signUp(programme, person, RecruitmentRole.MENTOR))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("you cannot also apply to be a mentor")));
		assertThat(rows(programme, person)).containsExactly("PARTICIPANT SEATED");
		// The same the other way round, and through the service
		var mentor = data.person("mentor");
		recruitment.signUp(recruitment.programme(programme), RecruitmentRole.MENTOR, mentor.id(), answers());
		var participant = recruitment.programme(programme);
		assertThat(catchThrowableOfType(Refused.class,
				() -> recruitment.signUp(participant, RecruitmentRole.PARTICIPANT, mentor.id(), answers()))
			.key()).isEqualTo("signUp.refused.IN_OTHER_ROLE.MENTOR");
		assertThat(rows(programme, mentor)).containsExactly("MENTOR SEATED");
	}

	@Test
	void aPersonOnTheWaitingListCannotApplyForTheOtherRoleEither() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true,
				data.settings(1, data.now().minus(Duration.ofDays(1)), EligibilityKind.NONE, null));
		mvc.perform(signUp(programme, data.person("first"), RecruitmentRole.PARTICIPANT));
		var waiting = data.person("waiting");
		mvc.perform(signUp(programme, waiting, RecruitmentRole.PARTICIPANT));
		mvc.perform(signUp(programme, waiting, RecruitmentRole.MENTOR)).andExpect(status().isConflict());
		assertThat(rows(programme, waiting)).containsExactly("PARTICIPANT WAITING");
	}

	/**
	 * Each person asks for both roles at the same moment, many times over: whatever the
	 * timing, one of the two wins and the other is refused.
	 */
	@Test
	void simultaneousSignUpsForBothRolesNeverBothSucceed() throws Exception {
		var staff = data.staff();
		var programme = recruitment.programme(data.programme(staff, true));
		var people = new ArrayList<TestData.Person>();
		for (int i = 0; i < 12; i++) {
			people.add(data.person("both" + i));
		}
		var refused = new ConcurrentLinkedQueue<String>();
		var failed = new ConcurrentLinkedQueue<Throwable>();
		try (var pool = Executors.newFixedThreadPool(2)) {
			for (var person : people) {
				var start = new CountDownLatch(1);
				var done = new CountDownLatch(2);
				for (var role : RecruitmentRole.values()) {
					pool.execute(() -> {
						try {
							start.await();
							recruitment.signUp(programme, role, person.id(), answers());
						}
						catch (Refused r) {
							refused.add(r.key());
						}
						catch (Throwable t) {
							failed.add(t);
						}
						finally {
							done.countDown();
						}
					});
				}
				start.countDown();
				done.await();
			}
		}
		assertThat(failed).isEmpty();
		assertThat(refused).hasSize(people.size()).allMatch(k -> k.startsWith("signUp.refused.IN_OTHER_ROLE."));
		for (var person : people) {
			assertThat(rows(programme.id(), person)).hasSize(1);
		}
	}

	/**
	 * Withdrawing asks first, says what happened once, and is confirmed by e-mail; then
	 * the person may come back, as a new arrival behind everyone already in line, and the
	 * withdrawn application stays as history.
	 */
	@Test
	void someoneWhoWithdrewFromTheWaitingListIsToldSoAndMaySignUpAgainAtTheEnd() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true,
				data.settings(1, data.now().minus(Duration.ofDays(1)), EligibilityKind.NONE, null));
		var seated = data.person("seated");
		var leaving = data.person("leaving");
		var third = data.person("third");
		for (var person : List.of(seated, leaving, third)) {
			mvc.perform(signUp(programme, person, RecruitmentRole.PARTICIPANT));
		}
		var status = statusPath(programme, RecruitmentRole.PARTICIPANT);
		mvc.perform(get(status).with(as(leaving)))
			.andExpect(content().string(containsString("href=\"" + status + "/withdraw\">Withdraw</a>")))
			.andExpect(content().string(not(containsString("action=\"" + status + "/withdraw\""))));
		mvc.perform(get(status + "/withdraw").with(as(leaving)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Withdraw your sign-up?")))
			.andExpect(content().string(containsString("you leave the waiting list")))
			.andExpect(content().string(containsString("action=\"" + status + "/withdraw\"")))
			.andExpect(content().string(containsString("Yes, withdraw")));
		assertThat(rows(programme, leaving)).containsExactly("PARTICIPANT WAITING");

		// The notice travels in the session, as in a browser: the session cookie goes
		// along
		var session = new CookieSession();
		session.perform(mvc, post(status + "/withdraw").with(csrf()).with(as(leaving)))
			.andExpect(redirectedUrl(status));
		var page = session.perform(mvc, get(status).with(as(leaving))).andReturn().getResponse().getContentAsString();
		assertThat(page).containsOnlyOnce("You have withdrawn.")
			.contains("You have left the waiting list.")
			.doesNotContain("Your place went to the next person")
			.contains("href=\"/programmes/" + programme.value() + "/sign-up/participant\">Sign up again");
		assertThat(Mails.await(mail, leaving.email(), 2)).extracting(m -> m.getSubject())
			.containsOnlyOnce("You have left the waiting list: Test programme");

		mvc.perform(get("/programmes/" + programme.value() + "/sign-up/participant").with(as(leaving)))
			.andExpect(status().isOk());
		mvc.perform(signUp(programme, leaving, RecruitmentRole.PARTICIPANT)).andExpect(redirectedUrl(status));
		assertThat(recruitment.find(programme, RecruitmentRole.PARTICIPANT, leaving.id()).orElseThrow())
			.extracting(ApplicationStatus::state, ApplicationStatus::position)
			.containsExactly(ApplicationState.WAITING, 2);
		assertThat(rows(programme, leaving)).containsExactly("PARTICIPANT WITHDRAWN", "PARTICIPANT WAITING");
		// A double click on the new sign-up still makes one application
		mvc.perform(signUp(programme, leaving, RecruitmentRole.PARTICIPANT)).andExpect(redirectedUrl(status));
		assertThat(rows(programme, leaving)).hasSize(2);
	}

	@Test
	void aSeatedPersonIsToldWhetherTheirPlaceWentToSomeoneOrIsFree() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true,
				data.settings(1, data.now().minus(Duration.ofDays(1)), EligibilityKind.NONE, null));
		var first = data.person("first");
		var next = data.person("next");
		mvc.perform(signUp(programme, first, RecruitmentRole.PARTICIPANT));
		mvc.perform(signUp(programme, next, RecruitmentRole.PARTICIPANT));
		var status = statusPath(programme, RecruitmentRole.PARTICIPANT);
		mvc.perform(get(status + "/withdraw").with(as(first)))
			.andExpect(content().string(containsString("you give up your place")));
		assertThat(withdrawnPage(status, first)).containsOnlyOnce("You have withdrawn.")
			.contains("Your place went to the next person on the waiting list.");
		assertThat(withdrawnPage(status, next)).containsOnlyOnce("You have withdrawn.")
			.contains("Your place is free for someone else now.")
			.doesNotContain("went to the next person");
		assertThat(Mails.await(mail, first.email(), 2)).extracting(m -> m.getSubject())
			.containsOnlyOnce("You have withdrawn: Test programme");
		// Withdrawing again changes nothing and tells nothing new
		assertThat(withdrawnPage(status, first)).containsOnlyOnce("You have withdrawn.").doesNotContain("Your place");
	}

	@Test
	void theConfirmationMailIsInThePersonsLanguage() throws Exception {
		var staff = data.staff();
		var programme = recruitment.programme(data.programme(staff, true));
		var email = TestData.uniqueEmail("suomeksi");
		var person = accounts.registerVerified(email, "Suomeksi", TestData.PASSWORD, Language.FI);
		recruitment.signUp(programme, RecruitmentRole.MENTOR, person, answers());
		recruitment.withdraw(programme.id(), RecruitmentRole.MENTOR, person);
		assertThat(Mails.await(mail, email, 2)).extracting(m -> m.getSubject())
			.contains("Olet perunut: Test programme");
	}

	private String withdrawnPage(String status, TestData.Person person) throws Exception {
		var session = new CookieSession();
		session.perform(mvc, post(status + "/withdraw").with(csrf()).with(as(person))).andExpect(redirectedUrl(status));
		return session.perform(mvc, get(status).with(as(person))).andReturn().getResponse().getContentAsString();
	}

	private static SignUpAnswers answers() {
		return new SignUpAnswers(EnumSet.of(Language.EN), SignUpAnswers.Delivery.REMOTE, null, "I would like to help",
				null, true, new SignUpAnswers.Details(List.of(), Map.of(), false, null, null, Map.of(), List.of()));
	}

	private MockHttpServletRequestBuilder signUp(ProgrammeId programme, TestData.Person person, RecruitmentRole role) {
		var request = post("/programmes/" + programme.value() + "/sign-up/" + role.path()).with(csrf())
			.with(as(person))
			.param("languages", "EN")
			.param("delivery", "REMOTE")
			.param("consent", "true");
		return role == RecruitmentRole.MENTOR ? request.param("motivation", "I would like to help") : request;
	}

	private static String statusPath(ProgrammeId programme, RecruitmentRole role) {
		return "/programmes/" + programme.value() + "/applications/" + role.path();
	}

	/** The person's applications in this programme, oldest first: role and state. */
	private List<String> rows(ProgrammeId programme, TestData.Person person) {
		return jdbc
			.sql("select role, state from application where programme_id = ? and account_id = ? order by submitted")
			.params(programme.value(), person.id().value())
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.list();
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
