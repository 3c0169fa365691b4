package app.kindred.assessment;

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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.assessment.internal.CoursePart;
import app.kindred.assessment.internal.Courses;
import app.kindred.assessment.internal.SelfEvaluationService;
import app.kindred.programme.ProgrammeId;

/**
 * A credit-seeking mentor's own objectives and self-evaluation: 2 to 4 objectives, each
 * against one of the course's outcomes or none, revisable until the self-evaluation,
 * which is checked first and then submitted once; bad input told at its field with
 * nothing stored; the pages the mentor's alone.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ObjectivesAndSelfEvaluationIntegrationTests {

	static final String VALID = "Learn to hold a calm space for a group";

	static final String REFLECTION = "I learned to listen before answering, and to bring the group back to the "
			+ "exercise without hurrying anyone.";

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestGroups groups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	SelfEvaluationService evaluations;

	@Autowired
	Courses courses;

	@Autowired
	List<CoursePart> parts;

	record Fixture(TestGroups.Term term, TestData.Person mentor, UUID outcome1, UUID outcome2) {

		String objectives() {
			return "/programmes/" + term.programme().value() + "/course/objectives";
		}

		String selfEvaluation() {
			return "/programmes/" + term.programme().value() + "/course/self-evaluation";
		}

	}

	private Fixture course() {
		var term = groups.creditCourse();
		var outcome1 = outcome(term.programme(), 1, "Supports wellbeing with a chosen approach",
				"Tukee hyvinvointia valitulla lähestymistavalla");
		var outcome2 = outcome(term.programme(), 2, "Reflects on their own practice", null);
		return new Fixture(term, term.mentor(term.first(), 0), outcome1, outcome2);
	}

	private UUID outcome(ProgrammeId programme, int position, String en, String fi) {
		var id = UUID.randomUUID();
		jdbc.sql("insert into course_item (id, programme_id, kind, position) values (?, ?, 'OUTCOME', ?)")
			.params(id, programme.value(), position)
			.update();
		jdbc.sql("insert into course_item_text (item_id, language, text) values (?, 'EN', ?)").params(id, en).update();
		if (fi != null) {
			jdbc.sql("insert into course_item_text (item_id, language, text) values (?, 'FI', ?)")
				.params(id, fi)
				.update();
		}
		return id;
	}

	private List<String> stored(Fixture f) {
		return jdbc.sql("select text from objective where programme_id = ? and account_id = ? order by position")
			.params(f.term().programme().value(), f.mentor().id().value())
			.query(String.class)
			.list();
	}

	private MockHttpServletRequestBuilder objectives(Fixture f, String... textsAndOutcomes) {
		var request = post(f.objectives()).with(csrf()).with(as(f.mentor()));
		for (int i = 0; i < textsAndOutcomes.length / 2; i++) {
			request.param("objectives[" + i + "].text", textsAndOutcomes[2 * i]);
			request.param("objectives[" + i + "].outcome", textsAndOutcomes[2 * i + 1]);
		}
		return request;
	}

	private MockHttpServletRequestBuilder evaluation(Fixture f, int rating, String reflection, String confirmed) {
		var request = post(f.selfEvaluation()).with(csrf()).with(as(f.mentor())).param("reflection", reflection);
		for (var subject : subjects(f)) {
			request.param("ratings[" + subject + "]", String.valueOf(rating));
		}
		if (confirmed != null) {
			request.param("confirmed", confirmed);
		}
		return request;
	}

	private List<UUID> subjects(Fixture f) {
		var subjects = new ArrayList<>(List.of(f.outcome1(), f.outcome2()));
		subjects.addAll(jdbc.sql("select id from objective where programme_id = ? and account_id = ? order by position")
			.params(f.term().programme().value(), f.mentor().id().value())
			.query(UUID.class)
			.list());
		return subjects;
	}

	@Test
	void theMentorWritesTwoToFourObjectivesAndRevisesThemAsAList() throws Exception {
		var f = course();

		mvc.perform(get(f.objectives()).with(as(f.mentor())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Own learning objectives")))
			.andExpect(content().string(containsString("Due by")))
			.andExpect(content().string(containsString("Supports wellbeing with a chosen approach")))
			.andExpect(content().string(containsString("Objective 4")));
		// The outcomes in the reader's language, falling back to English
		mvc.perform(get(f.objectives()).with(as(f.mentor())).param("lang", "fi"))
			.andExpect(content().string(containsString("Tukee hyvinvointia valitulla lähestymistavalla")))
			.andExpect(content().string(containsString("Reflects on their own practice")))
			.andExpect(content().string(containsString("Omat oppimistavoitteet")));
		mvc.perform(get(f.objectives()).with(as(f.mentor())).param("lang", "en")).andExpect(status().isOk());

		mvc.perform(objectives(f, VALID, f.outcome1().toString(), "", "", "Read two books on compassion", ""))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(f.objectives()));
		assertThat(stored(f)).containsExactly(VALID, "Read two books on compassion");
		var firstId = subjects(f).get(2);

		// Add up to four, then remove down to two; the first keeps its id
		mvc.perform(objectives(f, VALID, "", "Second objective text", "", "Third objective text", "",
				"Fourth objective text", f.outcome2().toString()))
			.andExpect(status().isFound());
		assertThat(stored(f)).hasSize(4);
		mvc.perform(objectives(f, "", "", "Second objective text", "", "", "", "Fourth objective text", ""))
			.andExpect(status().isFound());
		assertThat(stored(f)).containsExactly("Second objective text", "Fourth objective text");
		assertThat(subjects(f).get(2)).isEqualTo(firstId);

		var student = courses.creditStudent(f.term().programme(), f.mentor().id());
		var card = part(10).forStudent(student).orElseThrow();
		assertThat(card.statusKey()).isEqualTo("assessment.objectives.status.written");
		assertThat(card.statusArgs()).containsExactly(2, 4);
		assertThat(card.needsAction()).isFalse();
	}

	@Test
	void badObjectivesAreToldAtTheirFieldAndNothingIsStored() throws Exception {
		var f = course();
		var otherProgramme = data.programme(data.staff(), true);
		var foreign = outcome(otherProgramme, 1, "Another programme's outcome", null);
		var before = "Keep this objective as it is";
		mvc.perform(objectives(f, before, "", "And keep this one too", "")).andExpect(status().isFound());

		// One objective
		mvc.perform(objectives(f, VALID, ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Write at least 2 objectives.")))
			.andExpect(content().string(containsString("id=\"objective-1-error\"")));
		// Five
		mvc.perform(objectives(f, VALID, "", VALID, "", VALID, "", VALID, "", VALID, ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Write at most 4 objectives.")));
		// An outcome chosen without a text
		mvc.perform(objectives(f, VALID, "", VALID, "", "", f.outcome1().toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Write the objective, or choose no learning outcome")));
		// Too short, and 100k characters
		mvc.perform(objectives(f, VALID, "", "Too short", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("An objective has 10 to 1000 characters.")));
		mvc.perform(objectives(f, VALID, "", "x".repeat(100_000), ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("An objective has 10 to 1000 characters.")));
		// Another programme's outcome, a made-up one, a malformed one
		for (var outcome : List.of(foreign.toString(), UUID.randomUUID().toString(), "not-a-uuid")) {
			mvc.perform(objectives(f, VALID, outcome, VALID, ""))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("Choose one of the course")))
				.andExpect(content().string(containsString("id=\"outcome-0-error\"")));
		}
		// A field sent twice
		mvc.perform(objectives(f, VALID, "", VALID, "").param("objectives[0].text", "Another text here"))
			.andExpect(status().isUnprocessableContent());
		assertThat(stored(f)).containsExactly(before, "And keep this one too");
	}

	@Test
	void theSelfEvaluationIsCheckedThenSubmittedOnceAndClosesTheObjectives() throws Exception {
		var f = course();
		var student = courses.creditStudent(f.term().programme(), f.mentor().id());

		// Without objectives: said, and refused
		mvc.perform(get(f.selfEvaluation()).with(as(f.mentor())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Write at least 2 own learning objectives first")));
		assertThat(part(40).forStudent(student).orElseThrow().statusKey())
			.isEqualTo("assessment.selfEvaluation.status.objectivesFirst");
		mvc.perform(evaluation(f, 3, REFLECTION, "true")).andExpect(status().isConflict());

		mvc.perform(objectives(f, VALID, f.outcome1().toString(), "Read two books on compassion", ""))
			.andExpect(status().isFound());
		mvc.perform(get(f.selfEvaluation()).with(as(f.mentor())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<legend>Learning outcome: Supports wellbeing")))
			.andExpect(content().string(containsString("<legend>Own objective: " + VALID)))
			.andExpect(content().string(containsString("Rate each from 1 (not yet at all) to 5 (fully).")));

		// Bad input: a rating off the scale or missing, a reflection too short or 100k
		mvc.perform(evaluation(f, 6, REFLECTION, null))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose a rating on the scale.")));
		mvc.perform(evaluation(f, 0, REFLECTION, "true")).andExpect(status().isUnprocessableContent());
		mvc.perform(post(f.selfEvaluation()).with(csrf()).with(as(f.mentor())).param("reflection", REFLECTION))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(evaluation(f, 3, "Too short.", "true"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Write a reflection of 50 to 10000 characters.")));
		mvc.perform(evaluation(f, 3, "x".repeat(100_000), "true")).andExpect(status().isUnprocessableContent());
		assertThat(evaluations.submitted(f.term().programme(), f.mentor().id())).isFalse();

		// The check step stores nothing; "change" shows the form again
		mvc.perform(evaluation(f, 4, REFLECTION, null))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Check your self-evaluation")))
			.andExpect(content().string(containsString("4 of 5")))
			.andExpect(content().string(containsString("Submit the self-evaluation")));
		mvc.perform(evaluation(f, 4, REFLECTION, "false"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Check before submitting")));
		assertThat(evaluations.submitted(f.term().programme(), f.mentor().id())).isFalse();

		mvc.perform(evaluation(f, 4, REFLECTION, "true"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(f.selfEvaluation()));
		assertThat(evaluations.submitted(f.term().programme(), f.mentor().id())).isTrue();
		assertThat(ratings(f)).containsOnly(4).hasSize(4);
		mvc.perform(get(f.selfEvaluation()).with(as(f.mentor())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Submitted on")))
			.andExpect(content().string(not(containsString("Check before submitting"))));

		// Read-only from now on: a second submit and new objectives are refused
		mvc.perform(evaluation(f, 2, REFLECTION + " Again.", "true"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("has been submitted already")));
		assertThat(ratings(f)).containsOnly(4);
		mvc.perform(objectives(f, "A new objective now", "", "And another new one", ""))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("can no longer be changed")));
		assertThat(stored(f)).containsExactly(VALID, "Read two books on compassion");
		mvc.perform(get(f.objectives()).with(as(f.mentor())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your objectives are final")))
			.andExpect(content().string(not(containsString("Save the objectives"))));

		// The teacher's sections show both, read-only; the student's card says when
		var teacher = f.term().staff().teacher().id();
		LocaleContextHolder.setLocale(Locale.UK);
		var reading = part(40).forTeacher(student, teacher).orElseThrow();
		assertThat(reading.statusKey()).isEqualTo("assessment.selfEvaluation.status.submitted");
		assertThat(part(10).forTeacher(student, teacher).orElseThrow().data().toString())
			.contains("Supports wellbeing with a chosen approach");
		assertThat(part(40).forStudent(student).orElseThrow().needsAction()).isFalse();
	}

	@Test
	void twoSubmitsAtOnceStoreExactlyOne() throws Exception {
		var f = course();
		mvc.perform(objectives(f, VALID, "", "Read two books on compassion", "")).andExpect(status().isFound());
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(2);
		try {
			var answers = new ArrayList<CompletableFuture<Integer>>();
			for (int i = 1; i <= 2; i++) {
				int rating = i;
				answers.add(CompletableFuture.supplyAsync(() -> {
					try {
						start.await();
						return mvc.perform(evaluation(f, rating, REFLECTION, "true"))
							.andReturn()
							.getResponse()
							.getStatus();
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}, pool));
			}
			start.countDown();
			var statuses = answers.stream().map(CompletableFuture::join).toList();
			assertThat(statuses).containsExactlyInAnyOrder(302, 409);
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("select count(*) from self_evaluation where programme_id = ? and account_id = ?")
			.params(f.term().programme().value(), f.mentor().id().value())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(ratings(f)).hasSize(4).containsOnly(ratings(f).get(0));
	}

	@Test
	void thePagesAreTheMentorsOwn() throws Exception {
		var f = course();
		var term = f.term();
		mvc.perform(objectives(f, VALID, "", "Read two books on compassion", "")).andExpect(status().isFound());
		mvc.perform(get(f.objectives()).with(as(f.mentor())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(VALID)));
		mvc.perform(get(f.selfEvaluation()).with(as(f.mentor()))).andExpect(status().isOk());
		// The co-mentor and a mentor of the other group take the course too: the same
		// address is their own page, never hers
		for (var mentor : List.of(term.mentor(term.first(), 1), term.mentor(term.second(), 0))) {
			mvc.perform(get(f.objectives()).with(as(mentor)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(VALID))));
			mvc.perform(get(f.selfEvaluation()).with(as(mentor)))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString(VALID))));
		}
		// Anyone else: a participant, the teacher, the coordinator, a teacher of another
		// organisation, a stranger
		var others = List.of(term.participants(term.first()).get(0), term.staff().teacher(), term.staff().coordinator(),
				data.staff().teacher(), term.staff().outsider());
		for (var who : others) {
			mvc.perform(get(f.objectives()).with(as(who))).andExpect(status().isNotFound());
			mvc.perform(get(f.selfEvaluation()).with(as(who))).andExpect(status().isNotFound());
			mvc.perform(post(f.objectives()).with(csrf())
				.with(as(who))
				.param("objectives[0].text", VALID)
				.param("objectives[1].text", VALID)).andExpect(status().isNotFound());
			mvc.perform(post(f.selfEvaluation()).with(csrf()).with(as(who)).param("reflection", REFLECTION))
				.andExpect(status().isNotFound());
		}
		mvc.perform(get(f.objectives())).andExpect(status().isFound());
		assertThat(jdbc.sql("select count(*) from objective where programme_id = ?")
			.param(term.programme().value())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	private List<Integer> ratings(Fixture f) {
		return jdbc.sql("select rating from self_rating where programme_id = ? and account_id = ?")
			.params(f.term().programme().value(), f.mentor().id().value())
			.query(Integer.class)
			.list();
	}

	private CoursePart part(int order) {
		return parts.stream().filter(p -> p.order() == order).findFirst().orElseThrow();
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
