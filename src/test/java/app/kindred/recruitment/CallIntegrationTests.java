package app.kindred.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

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

import app.kindred.CookieSession;
import app.kindred.TestData;
import app.kindred.TestSmtp;
import app.kindred.core.Language;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import org.awaitility.Awaitility;

/**
 * Coordinators set up what a call asks; people answer it, change their answers in time,
 * and never lose a draft.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CallIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	CallService calls;

	@Autowired
	RecruitmentService recruitment;

	@Autowired
	ProgrammeService programmes;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void coordinatorsSetUpACallAndBadInputChangesNothing() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, false);
		var coordinator = as(staff.coordinator());
		var base = "/programmes/" + programme.value() + "/calls/participant";

		mvc.perform(
				post(base + "/slots").with(csrf()).with(coordinator).param("day", "MONDAY").param("starts", "16:15"))
			.andExpect(redirectedUrl(base));
		mvc.perform(post(base + "/questions").with(csrf())
			.with(coordinator)
			.param("kind", "SINGLE_CHOICE")
			.param("required", "true")
			.param("label[EN]", "Which year are you in?")
			.param("options[EN]", "First\nSecond\nLater")).andExpect(redirectedUrl(base));
		mvc.perform(post(base + "/consents").with(csrf()).with(coordinator).param("text[EN]", "I may be photographed."))
			.andExpect(redirectedUrl(base));
		mvc.perform(post(base).with(csrf())
			.with(coordinator)
			.param("approvalRequired", "true")
			.param("askDepartment", "true")).andExpect(redirectedUrl(base));
		var before = calls.forCoordinator(programme, RecruitmentRole.PARTICIPANT, staff.coordinator().id());
		assertThat(before.approvalRequired()).isTrue();
		assertThat(before.closingReminder()).isFalse();
		assertThat(before.slots()).containsExactly(new Call.Slot(DayOfWeek.MONDAY, LocalTime.of(16, 15)));
		assertThat(before.questions()).singleElement()
			.satisfies(q -> assertThat(q.options(Language.FI)).containsExactly("First", "Second", "Later"));
		assertThat(before.consents()).singleElement()
			.satisfies(c -> assertThat(c.text(Language.EN)).isEqualTo("I may be photographed."));

		// Each mistake is told at its field, in the user's language, and nothing is
		// stored
		mvc.perform(post(base + "/questions").with(csrf()).with(coordinator).param("kind", "SHORT_TEXT"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please fill this in.")));
		mvc.perform(post(base + "/questions").with(csrf())
			.with(coordinator)
			.param("kind", "MULTIPLE_CHOICE")
			.param("label[EN]", "Pick")
			.param("options[EN]", "Only one"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please give 2 to 20 choices, one per line.")));
		mvc.perform(post(base + "/questions").with(csrf())
			.with(coordinator)
			.param("kind", "ESSAY")
			.param("label[EN]", "Hm")).andExpect(status().isUnprocessableContent());
		mvc.perform(
				post(base + "/slots").with(csrf()).with(coordinator).param("day", "MONDAY").param("starts", "25:00"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(
				post(base + "/slots").with(csrf()).with(coordinator).param("day", "FUNDAY").param("starts", "10:00"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post(base + "/consents").with(csrf()).with(coordinator).param("text[EN]", "x".repeat(1001)))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(post(base + "/questions/qforged/remove").with(csrf()).with(coordinator))
			.andExpect(status().isNotFound());
		mvc.perform(post(base + "/questions").with(csrf())
			.with(as(staff.teacher()))
			.param("kind", "SHORT_TEXT")
			.param("label[EN]", "Teachers may not")).andExpect(status().isForbidden());
		mvc.perform(get(base).with(as(staff.outsider()))).andExpect(status().isNotFound());
		assertThat(calls.forCoordinator(programme, RecruitmentRole.PARTICIPANT, staff.coordinator().id()))
			.isEqualTo(before);

		// The mentor call has its own questions but shares the slots
		var mentorCall = calls.forCoordinator(programme, RecruitmentRole.MENTOR, staff.coordinator().id());
		assertThat(mentorCall.questions()).isEmpty();
		assertThat(mentorCall.slots()).isEqualTo(before.slots());
		mvc.perform(get(base).with(coordinator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Which year are you in?")))
			.andExpect(content().string(containsString("Monday 16:15–18:15")));
	}

	@Test
	void coordinatorsSeeTheFormAsApplicantsWillBeforeTheProgrammeIsPublished() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, false);
		var coordinator = as(staff.coordinator());
		var base = "/programmes/" + programme.value() + "/calls/participant";
		mvc.perform(post(base + "/questions").with(csrf())
			.with(coordinator)
			.param("kind", "SHORT_TEXT")
			.param("label[EN]", "What brings you here?")).andExpect(redirectedUrl(base));

		mvc.perform(get(base).with(coordinator))
			.andExpect(content().string(containsString("href=\"" + base + "/preview\"")));
		mvc.perform(get(base + "/preview").with(coordinator))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("What brings you here?")))
			.andExpect(content().string(containsString("Nothing can be sent from here.")))
			.andExpect(content().string(containsString("<button type=\"submit\" disabled=\"disabled\"")));
		// Applicants see neither the unpublished programme's form nor the preview
		var applicant = data.person("early");
		mvc.perform(get("/programmes/" + programme.value() + "/sign-up/participant").with(as(applicant)))
			.andExpect(status().isNotFound());
		mvc.perform(get(base + "/preview").with(as(applicant))).andExpect(status().isNotFound());
		mvc.perform(get(base + "/preview").with(as(staff.teacher()))).andExpect(status().isForbidden());
	}

	@Test
	void theSignUpAsksWhatTheCallAsksAndRefusesWhatItDidNotOffer() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var question = configure(programme, staff);
		var text = question[0];
		var multi = question[1];
		var consent = question[2];
		var person = data.person("thorough");
		var path = "/programmes/" + programme.value() + "/sign-up/participant";

		mvc.perform(get(path).with(as(person)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("What do you hope for?")))
			.andExpect(content().string(containsString("Tuesday 10:00–12:00")))
			.andExpect(content().string(containsString("Nobody records the meetings.")));

		// Missing and forged answers: 422 each, nothing stored
		mvc.perform(complete(post(path), text, multi, consent, "text[" + text + "]", "").with(as(person)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please fill this in.")));
		mvc.perform(complete(post(path), text, multi, consent, "availability[SUN2300]", "PREFERRED").with(as(person)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please choose one of the options shown.")));
		mvc.perform(
				complete(post(path), text, multi, consent, "availability[TUE1000]", "NO", "availability[WED1400]", "NO")
					.with(as(person)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("at least one time")));
		mvc.perform(complete(post(path), text, multi, consent, "availability[TUE1000]", "MAYBE").with(as(person)))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(complete(post(path), text, multi, consent, "choices[" + multi + "]", "7").with(as(person)))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(complete(post(path), text, multi, consent, "text[qforged]", "sneaky").with(as(person)))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(complete(post(path), text, multi, consent, "consents", "cforged").with(as(person)))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(complete(post(path), text, multi, "cnothing").with(as(person)))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(complete(post(path), text, multi, consent, "text[" + text + "]", "x".repeat(201)).with(as(person)))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(complete(post(path), text, multi, consent, "forCredit", "true", "studentNumber", "<script>")
			.with(as(person))).andExpect(status().isUnprocessableContent());
		assertThat(recruitment.find(programme, RecruitmentRole.PARTICIPANT, person.id())).isEmpty();

		mvc.perform(complete(post(path), text, multi, consent, "forCredit", "true", "studentNumber", "0123456")
			.with(as(person))).andExpect(redirectedUrl(statusPath(programme)));
		var answers = recruitment.answers(programme, RecruitmentRole.PARTICIPANT, person.id()).orElseThrow();
		assertThat(answers.details().availability()).containsExactlyInAnyOrderEntriesOf(
				Map.of("TUE1000", Call.Availability.PREFERRED, "WED1400", Call.Availability.POSSIBLE));
		assertThat(answers.details().custom()).containsEntry(text, List.of("Calm"))
			.containsEntry(multi, List.of("0", "2"));
		assertThat(answers.details().consents()).containsExactly(consent);
		assertThat(answers.details().studentNumber()).isEqualTo("0123456");
		mvc.perform(get(statusPath(programme)).with(as(person)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tuesday 10:00–12:00: Preferred")))
			.andExpect(content().string(containsString("Reading, Walking")))
			.andExpect(content().string(containsString("Change your answers")));

		// The coordinator sees every answer, filters by language and weekly time, and
		// exports them all
		var list = "/programmes/" + programme.value() + "/applications";
		mvc.perform(get(list).with(as(staff.coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Reading, Walking")))
			.andExpect(content().string(containsString("0123456")))
			.andExpect(content().string(containsString("Tuesday 10:00–12:00: Preferred")));
		mvc.perform(get(list).param("slot", "WED1400").with(as(staff.coordinator())))
			.andExpect(content().string(containsString(person.email())));
		mvc.perform(get(list).param("language", "fi").with(as(staff.coordinator())))
			.andExpect(content().string(not(containsString(person.email()))));
		var csv = new String(mvc.perform(get(list + ".csv").with(as(staff.coordinator())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(csv.lines().findFirst().orElseThrow()).contains("\"Weekly times\"", "\"What do you hope for?\"",
				"\"What helps you unwind?\"", "\"Student number\"");
		assertThat(csv).contains("\"Calm\"", "\"Reading, Walking\"", "\"0123456\"",
				"\"Tuesday 10:00–12:00: Preferred; Wednesday 14:00–16:00: Possible\"");
	}

	@Test
	void answersChangeUntilTheWindowClosesAndThePlaceInLineStays() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var question = configure(programme, staff);
		var person = data.person("changer");
		var path = "/programmes/" + programme.value() + "/sign-up/participant";
		mvc.perform(complete(post(path), question[0], question[1], question[2]).with(as(person)))
			.andExpect(redirectedUrl(statusPath(programme)));
		var arrival = recruitment.find(programme, RecruitmentRole.PARTICIPANT, person.id()).orElseThrow().arrival();

		mvc.perform(get(statusPath(programme) + "/answers").with(as(person)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"Calm\"")));
		mvc.perform(complete(post(statusPath(programme) + "/answers"), question[0], question[1], question[2],
				"text[" + question[0] + "]", "Kindness", "availability[TUE1000]", "NO")
			.with(as(person))).andExpect(redirectedUrl(statusPath(programme)));
		var changed = recruitment.answers(programme, RecruitmentRole.PARTICIPANT, person.id()).orElseThrow();
		assertThat(changed.details().custom(question[0])).containsExactly("Kindness");
		assertThat(changed.details().availability()).containsOnlyKeys("WED1400");
		assertThat(recruitment.find(programme, RecruitmentRole.PARTICIPANT, person.id()).orElseThrow().arrival())
			.isEqualTo(arrival);

		// Someone else's answers are not there to change
		mvc.perform(get(statusPath(programme) + "/answers").with(as(data.person("nosy"))))
			.andExpect(status().isNotFound());

		// Closed behind the application's back, as by another instance (which announces
		// the change): seen within seconds
		jdbc.sql("update programme set signup_closes = ? where id = ?")
			.params(Timestamp.from(data.now().minus(Duration.ofMinutes(1))), programme.value())
			.update();
		data.programmeChangedElsewhere(programme);
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.until(() -> !mvc.perform(get(statusPath(programme)).with(as(person)))
				.andReturn()
				.getResponse()
				.getContentAsString()
				.contains("Change your answers"));
		mvc.perform(complete(post(statusPath(programme) + "/answers"), question[0], question[1], question[2],
				"text[" + question[0] + "]", "Too late")
			.with(as(person)))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("This window has closed. Nothing was stored.")));
		assertThat(recruitment.answers(programme, RecruitmentRole.PARTICIPANT, person.id()).orElseThrow())
			.isEqualTo(changed);
		mvc.perform(get(statusPath(programme)).with(as(person)))
			.andExpect(content().string(not(containsString("Change your answers"))));
	}

	@Test
	void aFormTypedBeforeSigningInIsThereAfterSigningIn() throws Exception {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var person = data.person("newcomer");
		var path = "/programmes/" + programme.value() + "/sign-up/participant";
		var session = new CookieSession();

		session.perform(mvc, get(path))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("When you send it, you will sign in or create an account")));
		session
			.perform(mvc,
					post(path).with(csrf())
						.param("languages", "EN")
						.param("delivery", "REMOTE")
						.param("department", "Kemian laitos")
						.param("consent", "true"))
			.andExpect(redirectedUrl("/sign-in"));
		assertThat(jdbc.sql("select count(*) from application where programme_id = ?")
			.param(programme.value())
			.query(Integer.class)
			.single()).isZero();

		session
			.perform(mvc,
					post("/sign-in").with(csrf()).param("email", person.email()).param("password", TestData.PASSWORD))
			.andExpect(redirectedUrlPattern("**" + path + "?continue"));
		// Back on the form, as a page to check (not sent on the person's behalf)
		session.perform(mvc, get(path).param("continue", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Here is what you typed.")))
			.andExpect(content().string(containsString("value=\"Kemian laitos\"")));
		assertThat(recruitment.find(programme, RecruitmentRole.PARTICIPANT, person.id())).isEmpty();
	}

	/**
	 * A student number for credits, a short required text, an optional multiple choice, a
	 * consent, two slots.
	 */
	private String[] configure(ProgrammeId programme, TestData.Staff staff) {
		var coordinator = staff.coordinator().id();
		calls.changeRules(programme, RecruitmentRole.PARTICIPANT, new CallService.Rules(false, false, true, true),
				coordinator);
		calls.addSlot(programme, new Call.Slot(DayOfWeek.TUESDAY, LocalTime.of(10, 0)), coordinator);
		calls.addSlot(programme, new Call.Slot(DayOfWeek.WEDNESDAY, LocalTime.of(14, 0)), coordinator);
		calls.addQuestion(programme, RecruitmentRole.PARTICIPANT, Call.QuestionKind.SHORT_TEXT, true,
				Map.of(Language.EN, "What do you hope for?"), Map.of(), coordinator);
		calls.addQuestion(programme, RecruitmentRole.PARTICIPANT, Call.QuestionKind.MULTIPLE_CHOICE, false,
				Map.of(Language.EN, "What helps you unwind?"),
				Map.of(Language.EN, List.of("Reading", "Music", "Walking")), coordinator);
		calls.addConsent(programme, RecruitmentRole.PARTICIPANT, Map.of(Language.EN, "Nobody records the meetings."),
				coordinator);
		var call = calls.forCoordinator(programme, RecruitmentRole.PARTICIPANT, coordinator);
		return new String[] { call.questions().get(0).id(), call.questions().get(1).id(), call.consents().get(0).id() };
	}

	/**
	 * Every answer the configured call needs, with the given name-value pairs put in
	 * place of the usual ones (an empty list of values leaves a parameter out).
	 */
	private static MockHttpServletRequestBuilder complete(MockHttpServletRequestBuilder request, String text,
			String multi, String consent, String... overrides) {
		var params = new LinkedHashMap<String, List<String>>();
		params.put("languages", List.of("EN"));
		params.put("delivery", List.of("REMOTE"));
		params.put("consent", List.of("true"));
		params.put("availability[TUE1000]", List.of("PREFERRED"));
		params.put("availability[WED1400]", List.of("POSSIBLE"));
		params.put("text[" + text + "]", List.of("Calm"));
		params.put("choices[" + multi + "]", List.of("0", "2"));
		params.put("consents", List.of(consent));
		for (int i = 0; i < overrides.length; i += 2) {
			params.put(overrides[i], List.of(overrides[i + 1]));
		}
		request.with(csrf());
		params.forEach((name, values) -> request.param(name, values.toArray(String[]::new)));
		return request;
	}

	private static String statusPath(ProgrammeId programme) {
		return "/programmes/" + programme.value() + "/applications/participant";
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
