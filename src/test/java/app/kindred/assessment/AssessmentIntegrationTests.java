package app.kindred.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;

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
import app.kindred.TestData;
import app.kindred.TestSmtp;
import app.kindred.assessment.AssessmentDecided.Result;
import app.kindred.assessment.internal.AssessmentService;
import app.kindred.assessment.internal.Courses;
import app.kindred.assessment.internal.Decision;
import app.kindred.assessment.internal.DecisionRules;
import app.kindred.identity.AccountId;

/**
 * The teachers' decisions on a credit course: the rules a decision keeps, every decision
 * kept with who and when, the result mail without the justification, the mentor's result
 * page, bad input refused at its field with nothing stored, a forged mentor a 404, who
 * may open which page, and when assessment is overdue.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AssessmentIntegrationTests {

	static final String FAIL_WHY = "The reflection on the group meetings is missing: write a new version of entry two.";

	static final String PASS_WHY = "Your supplemented diary now reflects on every meeting. Well done.";

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	AssessmentCourse courses;

	@Autowired
	Courses access;

	@Autowired
	AssessmentService assessment;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void aFailNamesWhatIsMissingThenAPassAndEveryDecisionIsKept() throws Exception {
		var course = courses.withCode("SZ00CM31");
		var term = course.term();
		var mentor = term.mentor(term.first(), 0);
		var teacher = term.staff().teacher();
		var page = mentorPage(course, mentor.id());

		mvc.perform(get("/programmes/{id}/assessment", course.programme()).with(as(teacher)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(page)))
			.andExpect(content().string(containsString("No decision yet")));
		mvc.perform(decision(course, mentor.id(), "FAIL", FAIL_WHY, course.criteria().get(0)).with(as(teacher)))
			.andExpect(status().is3xxRedirection());

		assertThat(decisions(course, mentor.id())).isEqualTo(1);
		var text = resultMail(mentor, "Not passed yet");
		assertThat(text).contains("/programmes/" + course.programme() + "/course/result")
			.doesNotContain("reflection on the group meetings");
		mvc.perform(get("/programmes/{id}/course/result", course.programme()).with(as(mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(FAIL_WHY)))
			.andExpect(content().string(containsString("Not met: Criterion 2 in English")))
			.andExpect(content().string(containsString("/course/diary")))
			.andExpect(content().string(containsString("/course/workload")));

		mvc.perform(decision(course, mentor.id(), "PASS", PASS_WHY, course.criteria().get(0), course.criteria().get(1))
			.with(as(teacher))).andExpect(status().is3xxRedirection());

		assertThat(decisions(course, mentor.id())).isEqualTo(2);
		assertThat(resultMail(mentor, "You passed")).doesNotContain("supplemented diary");
		mvc.perform(get("/programmes/{id}/course/result", course.programme()).with(as(mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(PASS_WHY)))
			.andExpect(content().string(containsString("Earlier decisions")))
			.andExpect(content().string(containsString(FAIL_WHY)));
		mvc.perform(get(page).with(as(teacher)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(PASS_WHY)))
			.andExpect(content().string(containsString(FAIL_WHY)));
		mvc.perform(get("/programmes/{id}/assessment", course.programme()).with(as(teacher)))
			.andExpect(content().string(containsString("Passed on")));
	}

	@Test
	void badInputIsToldAtItsFieldAndNothingIsStored() throws Exception {
		var course = courses.withCode("SZ00CM31");
		var term = course.term();
		var mentor = term.mentor(term.first(), 0).id();
		var teacher = as(term.staff().teacher());
		var both = new UUID[] { course.criteria().get(0), course.criteria().get(1) };

		expectRefused(decision(course, mentor, "FAIL", "x".repeat(100_000), both[0]).with(teacher), "justification");
		expectRefused(decision(course, mentor, "FAIL", "too short").with(teacher), "justification");
		expectRefused(decision(course, mentor, "FAIL", FAIL_WHY, UUID.randomUUID()).with(teacher), "criteria");
		expectRefused(decision(course, mentor, "FAIL", FAIL_WHY).param("criteria", "not-an-id").with(teacher),
				"criteria");
		expectRefused(decision(course, mentor, "MAYBE", FAIL_WHY).with(teacher), "result");
		expectRefused(decision(course, mentor, null, FAIL_WHY).with(teacher), "result");
		expectRefused(decision(course, mentor, "FAIL", FAIL_WHY, both).with(teacher), "criteria");
		expectRefused(decision(course, mentor, "PASS", PASS_WHY, both[0]).with(teacher), "criteria");

		assertThat(decisions(course, mentor)).isZero();
		assertThat(jdbc.sql("""
				select count(*) from assessment_criterion_met m join assessment_decision d on d.id = m.decision_id
				where d.programme_id = ?""").param(course.programme().value()).query(Integer.class).single()).isZero();
	}

	@Test
	void aForgedMentorIsNotFound() throws Exception {
		var course = courses.withCode("SZ00CM31");
		var term = course.term();
		var teacher = as(term.staff().teacher());
		var otherTerm = courses.withCode("OTHER1").term();
		var other = otherTerm.mentor(otherTerm.first(), 0);
		for (var forged : new AccountId[] { new AccountId(UUID.randomUUID()),
				term.participants(term.first()).get(0).id(), term.staff().coordinator().id(), other.id() }) {
			mvc.perform(get(mentorPage(course, forged)).with(teacher)).andExpect(status().isNotFound());
			mvc.perform(
					decision(course, forged, "PASS", PASS_WHY, course.criteria().toArray(UUID[]::new)).with(teacher))
				.andExpect(status().isNotFound());
		}
		assertThat(jdbc.sql("select count(*) from assessment_decision where programme_id = ?")
			.param(course.programme().value())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void onlyTheProgrammesTeachersAssessAndOnlyTheMentorHerselfReadsHerResult() throws Exception {
		var course = courses.withCode("SZ00CM31");
		var term = course.term();
		var mentor = term.mentor(term.first(), 0);
		var coMentor = term.mentor(term.first(), 1);
		var otherGroup = term.mentor(term.second(), 0);
		var participant = term.participants(term.first()).get(0);
		var staff = term.staff();
		var elsewhere = data.staff().teacher();
		assessment.decide(course.programme(), mentor.id(), staff.teacher().id(), Result.FAIL,
				Set.of(course.criteria().get(0)), FAIL_WHY);
		var id = course.programme();
		var pages = new String[] { "/programmes/" + id + "/assessment", mentorPage(course, mentor.id()),
				"/programmes/" + id + "/assessment/export" };

		for (var page : pages) {
			mvc.perform(get(page).with(as(staff.teacher()))).andExpect(status().isOk());
			mvc.perform(get(page).with(as(staff.coordinator()))).andExpect(status().isForbidden());
			mvc.perform(get(page).with(as(staff.admin()))).andExpect(status().isForbidden());
			for (var nobody : new TestData.Person[] { elsewhere, mentor, coMentor, otherGroup, participant,
					staff.outsider() }) {
				mvc.perform(get(page).with(as(nobody))).andExpect(status().isNotFound());
			}
		}
		mvc.perform(decision(course, mentor.id(), "PASS", PASS_WHY, course.criteria().toArray(UUID[]::new))
			.with(as(staff.coordinator()))).andExpect(status().isForbidden());
		mvc.perform(decision(course, mentor.id(), "PASS", PASS_WHY, course.criteria().toArray(UUID[]::new))
			.with(as(elsewhere))).andExpect(status().isNotFound());
		mvc.perform(decision(course, mentor.id(), "PASS", PASS_WHY, course.criteria().toArray(UUID[]::new))
			.with(as(coMentor))).andExpect(status().isNotFound());
		mvc.perform(post("/programmes/{id}/assessment/export", id).param("result", "PASS")
			.with(csrf())
			.with(as(staff.coordinator()))).andExpect(status().isForbidden());
		mvc.perform(
				post("/programmes/{id}/assessment/export", id).param("result", "PASS").with(csrf()).with(as(mentor)))
			.andExpect(status().isNotFound());

		var result = "/programmes/" + id + "/course/result";
		mvc.perform(get(result).with(as(mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(FAIL_WHY)));
		// The co-mentor and the mentor of the other group read their own result, never
		// hers
		for (var other : new TestData.Person[] { coMentor, otherGroup }) {
			mvc.perform(get(result).with(as(other)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(FAIL_WHY))));
		}
		for (var nobody : new TestData.Person[] { participant, staff.teacher(), staff.coordinator(), elsewhere }) {
			mvc.perform(get(result).with(as(nobody))).andExpect(status().isNotFound());
		}
		assertThat(decisions(course, mentor.id())).isEqualTo(1);
	}

	@Test
	void assessmentIsOverdueAfterItsPeriodForTheUndecidedAndForFailsOlderThanThePeriod() {
		var course = courses.withCode("SZ00CM31");
		var settings = access.taught(course.programme(), course.term().staff().teacher().id());
		var due = settings.assessmentDue();
		var period = Duration.ofDays(7L * settings.assessmentWeeks());
		var fail = new Decision(UUID.randomUUID(), course.term().mentor(course.term().first(), 0).id(), Result.FAIL,
				FAIL_WHY, Set.of(), course.term().staff().teacher().id(), due.minus(Duration.ofDays(1)), null);
		var pass = new Decision(fail.id(), fail.account(), Result.PASS, PASS_WHY, Set.of(), fail.decidedBy(),
				fail.decidedAt(), null);

		assertThat(DecisionRules.overdue(settings, Optional.empty(), due.minusSeconds(1))).isFalse();
		assertThat(DecisionRules.overdue(settings, Optional.empty(), due.plusSeconds(1))).isTrue();
		assertThat(DecisionRules.overdue(settings, Optional.of(fail), due.plusSeconds(1))).isFalse();
		assertThat(DecisionRules.overdue(settings, Optional.of(fail), fail.decidedAt().plus(period).plusSeconds(1)))
			.isTrue();
		assertThat(DecisionRules.overdue(settings, Optional.of(pass), due.plus(period).plus(period))).isFalse();
		assertThat(settings.assessmentWeeks()).isEqualTo(3);
	}

	/** The result mail with this subject, as its subject and body. */
	private String resultMail(TestData.Person mentor, String subject) {
		var found = new AtomicReference<String>();
		Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
			for (var message : mail.getReceivedMessagesForDomain(mentor.email())) {
				if (message.getSubject().startsWith(subject)) {
					found.set(message.getSubject() + "\n" + Mails.body(message));
					return true;
				}
			}
			return false;
		});
		return found.get();
	}

	private void expectRefused(MockHttpServletRequestBuilder request, String field) throws Exception {
		mvc.perform(request)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"" + field + "-error\"")));
	}

	private MockHttpServletRequestBuilder decision(AssessmentCourse.Course course, AccountId mentor, String result,
			String justification, UUID... criteria) {
		var request = post(mentorPage(course, mentor)).with(csrf()).param("justification", justification);
		if (result != null) {
			request.param("result", result);
		}
		for (var criterion : criteria) {
			request.param("criteria", criterion.toString());
		}
		return request;
	}

	private static String mentorPage(AssessmentCourse.Course course, AccountId mentor) {
		return "/programmes/" + course.programme() + "/assessment/" + mentor.value();
	}

	private int decisions(AssessmentCourse.Course course, AccountId mentor) {
		return jdbc.sql("select count(*) from assessment_decision where programme_id = ? and account_id = ?")
			.params(course.programme().value(), mentor.value())
			.query(Integer.class)
			.single();
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
