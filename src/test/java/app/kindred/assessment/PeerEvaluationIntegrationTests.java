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

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.assessment.internal.Courses;
import app.kindred.assessment.internal.PeerReviewService;
import app.kindred.assessment.internal.PeerReviewService.Theirs;
import app.kindred.identity.AccountId;

/**
 * Peer evaluation: who may open which page, the reveal rule in every case (neither
 * written, one, both, the deadline passed), that nobody reads an evaluation of someone
 * else (in a group of three mentors), the confirmation step, submitting once (also two at
 * once), and bad input refused at its field with nothing stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PeerEvaluationIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestGroups groups;

	@Autowired
	Courses courses;

	@Autowired
	PeerReviewService peers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void theRevealRuleInEveryCase() throws Exception {
		var term = groups.creditCourse();
		var a = term.mentor(term.first(), 0);
		var b = term.mentor(term.first(), 1);
		var c = term.mentor(term.second(), 0);
		var d = term.mentor(term.second(), 1);

		// Neither written: each sees only that theirs is shown once they have sent their
		// own
		mvc.perform(get(list(term)).with(as(a)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Shown once you have sent yours")));
		assertThat(state(term, a, b)).isEqualTo(Theirs.HIDDEN);

		// B writes of A: A is not told, nor are the teachers
		send(term, b, a, "B_ABOUT_A: prepared every meeting with care.").andExpect(status().is3xxRedirection());
		assertThat(state(term, a, b)).isEqualTo(Theirs.HIDDEN);
		mvc.perform(get(page(term, b)).with(as(a)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("B_ABOUT_A"))));
		assertThat(teacherReads(term, a)).isEmpty();
		assertThat(teacherReads(term, b)).isEmpty();
		// B reads what they sent, and waits for A's
		mvc.perform(get(page(term, a)).with(as(b)))
			.andExpect(content().string(containsString("B_ABOUT_A")))
			.andExpect(content().string(containsString("It cannot be changed")));
		assertThat(state(term, b, a)).isEqualTo(Theirs.AWAITED);

		// A writes of B: both are revealed, to each other and to the teachers
		send(term, a, b, "A_ABOUT_B: kind and steady in every meeting.").andExpect(status().is3xxRedirection());
		mvc.perform(get(page(term, b)).with(as(a))).andExpect(content().string(containsString("B_ABOUT_A")));
		mvc.perform(get(page(term, a)).with(as(b))).andExpect(content().string(containsString("A_ABOUT_B")));
		assertThat(state(term, a, b)).isEqualTo(Theirs.REVEALED);
		assertThat(state(term, b, a)).isEqualTo(Theirs.REVEALED);
		var aboutA = peers.forTeacher(courses.creditStudent(term.programme(), a.id()));
		assertThat(aboutA.received()).extracting(e -> e.text())
			.containsExactly("B_ABOUT_A: prepared every meeting with care.");
		assertThat(aboutA.written()).extracting(e -> e.text())
			.containsExactly("A_ABOUT_B: kind and steady in every meeting.");

		// The other group: C writes of D, D never does; once the deadline passes, D and
		// the teachers read C's, and nothing more can be sent
		send(term, c, d, "C_ABOUT_D: always ready to listen.").andExpect(status().is3xxRedirection());
		assertThat(state(term, d, c)).isEqualTo(Theirs.HIDDEN);
		assertThat(teacherReads(term, d)).isEmpty();
		deadlinePassed(term);
		assertThat(state(term, d, c)).isEqualTo(Theirs.REVEALED);
		assertThat(state(term, c, d)).isEqualTo(Theirs.AWAITED);
		mvc.perform(get(page(term, c)).with(as(d))).andExpect(content().string(containsString("C_ABOUT_D")));
		assertThat(teacherReads(term, d)).containsExactly("C_ABOUT_D: always ready to listen.");
		send(term, d, c, "D_ABOUT_C: too late to be written now.").andExpect(status().isConflict());
		assertThat(count(term)).isEqualTo(3);
	}

	@Test
	void nobodyReadsAnEvaluationOfSomeoneElseInAThree() throws Exception {
		var term = groups.creditCourse();
		var a = term.mentor(term.first(), 0);
		var b = term.mentor(term.first(), 1);
		var c = term.mentor(term.second(), 0);
		// C joins the first group, which becomes a three of mentors
		jdbc.sql("update group_member set group_id = ? where account_id = ?")
			.params(term.first().id(), c.id().value())
			.update();
		assertThat(courses.creditStudent(term.programme(), a.id()).coMentors()).containsExactlyInAnyOrder(b.id(),
				c.id());

		send(term, b, a, "B_ABOUT_A: a calm and careful co-mentor.").andExpect(status().is3xxRedirection());
		send(term, c, a, "C_ABOUT_A: brought warmth to the group.").andExpect(status().is3xxRedirection());
		send(term, a, b, "A_ABOUT_B: shared the work fairly.").andExpect(status().is3xxRedirection());

		// A reads B's (A wrote of B) but not yet C's (A has not written of C)
		assertThat(state(term, a, b)).isEqualTo(Theirs.REVEALED);
		assertThat(state(term, a, c)).isEqualTo(Theirs.HIDDEN);
		// The teachers read the same about A: B's of A and A's of B, not yet C's of A
		assertThat(teacherReads(term, a)).containsExactly("B_ABOUT_A: a calm and careful co-mentor.",
				"A_ABOUT_B: shared the work fairly.");
		deadlinePassed(term);
		assertThat(state(term, a, c)).isEqualTo(Theirs.REVEALED);
		assertThat(teacherReads(term, a)).contains("C_ABOUT_A: brought warmth to the group.");
		// B's evaluation of A is no business of C's, nor C's of B's, even for the
		// teachers
		// reading about B and C
		assertThat(teacherReads(term, b)).doesNotContain("C_ABOUT_A: brought warmth to the group.");
		assertThat(teacherReads(term, c)).doesNotContain("B_ABOUT_A: a calm and careful co-mentor.");
		// B and C never read what the other wrote about A, before or after the deadline
		for (var who : List.of(b, c)) {
			var other = who.equals(b) ? "C_ABOUT_A" : "B_ABOUT_A";
			for (var url : List.of(list(term), page(term, a), page(term, who.equals(b) ? c : b))) {
				mvc.perform(get(url).with(as(who)))
					.andExpect(status().isOk())
					.andExpect(content().string(not(containsString(other))));
			}
		}
	}

	@Test
	void theCoMentorPagesAreTheMentorsOwnOnly() throws Exception {
		var term = groups.creditCourse();
		var a = term.mentor(term.first(), 0);
		var b = term.mentor(term.first(), 1);
		var d = term.mentor(term.second(), 1);
		var participant = term.participants(term.first()).getFirst();
		var otherTeacher = data.staff().teacher();

		mvc.perform(get(list(term)).with(as(a))).andExpect(status().isOk());
		mvc.perform(get(page(term, b)).with(as(a)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("came to our group&#39;s meetings prepared")));
		// The other group's mentor has their own list, but not this pair's pages
		mvc.perform(get(list(term)).with(as(d))).andExpect(status().isOk());
		for (var who : List.of(participant, d, term.staff().teacher(), term.staff().coordinator(), otherTeacher)) {
			if (!who.equals(d)) {
				mvc.perform(get(list(term)).with(as(who))).andExpect(status().isNotFound());
			}
			mvc.perform(get(page(term, b)).with(as(who))).andExpect(status().isNotFound());
			mvc.perform(get(page(term, a)).with(as(who))).andExpect(status().isNotFound());
			mvc.perform(valid(post(page(term, b)).with(csrf()).with(as(who)), "Someone else writing here.")
				.param("confirmed", "true")).andExpect(status().isNotFound());
		}
		// Forged co-mentors: oneself, the other group's mentor, a participant, nobody
		for (var forged : List.of(a.id(), d.id(), participant.id(), new AccountId(UUID.randomUUID()))) {
			mvc.perform(get(list(term) + "/" + forged.value()).with(as(a))).andExpect(status().isNotFound());
			mvc.perform(valid(post(list(term) + "/" + forged.value()).with(csrf()).with(as(a)),
					"A forged co-mentor gets nothing.")
				.param("confirmed", "true")).andExpect(status().isNotFound());
		}
		mvc.perform(get(list(term) + "/not-a-uuid").with(as(a))).andExpect(status().isNotFound());
		assertThat(count(term)).isZero();
	}

	@Test
	void badInputIsToldAtItsFieldAndAnEvaluationIsSentOnce() throws Exception {
		var term = groups.creditCourse();
		var a = term.mentor(term.first(), 0);
		var b = term.mentor(term.first(), 1);
		var url = page(term, b);
		var text = "Shared every part of the work.";

		mvc.perform(valid(post(url).with(csrf()).with(as(a)), text, "preparation", "0").param("confirmed", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose a rating from 1 to 5.")));
		mvc.perform(valid(post(url).with(csrf()).with(as(a)), text, "sharing", "6").param("confirmed", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"sharing-error\"")));
		mvc.perform(valid(post(url).with(csrf()).with(as(a)), text, "safeSpace", "many").param("confirmed", "true"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(valid(post(url).with(csrf()).with(as(a)), text, "cooperation", null).param("confirmed", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"cooperation-error\"")));
		mvc.perform(post(url).with(csrf()).with(as(a)).param("text", text).param("confirmed", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"preparation-error\"")));
		mvc.perform(valid(post(url).with(csrf()).with(as(a)), "x".repeat(100_000)).param("confirmed", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please write 20 to 4000 characters.")));
		mvc.perform(valid(post(url).with(csrf()).with(as(a)), "Too short.").param("confirmed", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"text-error\"")));
		assertThat(count(term)).isZero();

		// Without confirming, the evaluation is shown to be checked, and nothing is sent
		mvc.perform(valid(post(url).with(csrf()).with(as(a)), text))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Once sent, it cannot be changed.")))
			.andExpect(content().string(containsString("name=\"confirmed\"")));
		assertThat(count(term)).isZero();

		// Two submits at once: one is stored, the other refused
		var pool = Executors.newFixedThreadPool(2);
		var barrier = new CyclicBarrier(2);
		var answers = new ArrayList<Future<Integer>>();
		try {
			for (int i = 0; i < 2; i++) {
				var words = text + " (" + i + ")";
				answers.add(pool.submit(() -> {
					barrier.await();
					return mvc.perform(valid(post(url).with(csrf()).with(as(a)), words).param("confirmed", "true"))
						.andReturn()
						.getResponse()
						.getStatus();
				}));
			}
			var statuses = new ArrayList<Integer>();
			for (var answer : answers) {
				statuses.add(answer.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(302, 409);
		}
		finally {
			pool.shutdown();
		}
		assertThat(count(term)).isEqualTo(1);
		var stored = jdbc.sql("select text from peer_evaluation where programme_id = ?")
			.param(term.programme().value())
			.query(String.class)
			.single();

		// A second submit changes nothing
		mvc.perform(
				valid(post(url).with(csrf()).with(as(a)), "A different text, sent again.").param("confirmed", "true"))
			.andExpect(status().isConflict());
		assertThat(jdbc.sql("select text from peer_evaluation where programme_id = ?")
			.param(term.programme().value())
			.query(String.class)
			.list()).containsExactly(stored);
		assertThat(jdbc
			.sql("select count(*) from peer_answer a join peer_evaluation e on e.id = a.evaluation_id "
					+ "where e.programme_id = ?")
			.param(term.programme().value())
			.query(Integer.class)
			.single()).isEqualTo(5);
	}

	/**
	 * A complete evaluation, with the ratings of {@code overrides} (field, value, ...)
	 * replaced, or left out where the value is null.
	 */
	private MockHttpServletRequestBuilder valid(MockHttpServletRequestBuilder request, String text,
			String... overrides) {
		var ratings = new LinkedHashMap<String, String>();
		ratings.put("preparation", "4");
		ratings.put("sharing", "5");
		ratings.put("safeSpace", "5");
		ratings.put("reflection", "3");
		ratings.put("cooperation", "4");
		for (int i = 0; i < overrides.length; i += 2) {
			ratings.put(overrides[i], overrides[i + 1]);
		}
		ratings.forEach((field, value) -> {
			if (value != null) {
				request.param(field, value);
			}
		});
		return request.param("text", text);
	}

	private ResultActions send(TestGroups.Term term, TestData.Person author, TestData.Person subject, String text)
			throws Exception {
		return mvc
			.perform(valid(post(page(term, subject)).with(csrf()).with(as(author)), text).param("confirmed", "true"));
	}

	private Theirs state(TestGroups.Term term, TestData.Person viewer, TestData.Person coMentor) {
		return peers.page(term.programme(), viewer.id(), coMentor.id()).coMentor().theirsState();
	}

	/** The texts a teacher reads about the student: of them, then by them. */
	private List<String> teacherReads(TestGroups.Term term, TestData.Person student) {
		var read = peers.forTeacher(courses.creditStudent(term.programme(), student.id()));
		var texts = new ArrayList<String>();
		read.received().forEach(e -> texts.add(e.text()));
		read.written().forEach(e -> texts.add(e.text()));
		return texts;
	}

	private void deadlinePassed(TestGroups.Term term) {
		var past = OffsetDateTime.ofInstant(Instant.now().minusSeconds(60), ZoneOffset.UTC);
		jdbc.sql("""
				insert into course (programme_id, rating_scale, peer_evaluation_due, assessment_weeks,
				       coordinators_read, diary_for_all, updated_at)
				values (?, 5, ?, 3, false, false, ?)""").params(term.programme().value(), past, past).update();
	}

	private int count(TestGroups.Term term) {
		return jdbc.sql("select count(*) from peer_evaluation where programme_id = ?")
			.param(term.programme().value())
			.query(Integer.class)
			.single();
	}

	private static String list(TestGroups.Term term) {
		return "/programmes/" + term.programme().value() + "/course/peer";
	}

	private static String page(TestGroups.Term term, TestData.Person coMentor) {
		return list(term) + "/" + coMentor.id().value();
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
