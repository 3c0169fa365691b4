package app.kindred.feedback;

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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.MultiValueMap;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.core.Tokens;
import app.kindred.feedback.internal.InvitationStore;
import app.kindred.feedback.internal.Moment;
import app.kindred.feedback.internal.Survey;
import app.kindred.feedback.internal.SurveyService;
import app.kindred.feedback.internal.SurveySweep;

/**
 * Answering: by the e-mailed link and signed in; the form in the language asked for; bad
 * answers refused at their questions with what was typed kept and nothing stored; a
 * second answer and a closed survey refused (409); a token nobody was sent and a survey
 * that did not invite the person not found; the measure's own code stored only as its
 * hash, the same before and after; Home's task.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SurveyAnsweringIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestGroups groups;

	@Autowired
	SurveyService service;

	@Autowired
	SurveySweep sweep;

	@Autowired
	InvitationStore invitations;

	@Autowired
	Surveys surveys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void answersByLinkAndSignedIn() throws Exception {
		var term = groups.threeMeetingsHeld(false);
		var survey = open(term, "kindred-participant-feedback", Moment.AFTER_LAST);
		var byLink = term.participants(term.first()).get(0);
		var link = Surveys.link(Surveys.mails(mail, byLink.email(), 1)[0]).replace("?lang=en", "");
		mvc.perform(get(link))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your answers are anonymous")))
			.andExpect(content().string(containsString("Compassion mentoring group member")))
			.andExpect(content().string(not(containsString("Your own code"))));
		mvc.perform(get(link).param("lang", "fi"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Vastauksesi ovat nimettömiä")))
			.andExpect(content().string(containsString("Osallistujapalaute")));

		// Bad answers: nothing stored, each problem at its question, the text kept
		var bad = Surveys.answer(survey.form(), "Kept as typed");
		bad.remove("q.wellbeing");
		bad.set("q.support", "9");
		bad.set("q.improve", "x".repeat(4001));
		mvc.perform(post(link).with(csrf()).params(bad))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"q-wellbeing-error\"")))
			.andExpect(content().string(containsString("id=\"q-support-error\"")))
			.andExpect(content().string(containsString("id=\"q-improve-error\"")))
			// The summary says which question each problem is at
			.andExpect(content().string(
					containsString("Taking part in the group strengthened my wellbeing: Please answer this question.")))
			.andExpect(content().string(containsString("Kept as typed")));
		assertThat(held(survey)).isZero();
		assertThat(invitations.find(survey.id(), byLink.id()).orElseThrow().answered()).isFalse();

		mvc.perform(post(link).with(csrf()).params(Surveys.answer(survey.form(), "Good group")))
			.andExpect(redirectedUrl("/surveys/thanks"));
		assertThat(held(survey)).isEqualTo(1);
		assertThat(invitations.find(survey.id(), byLink.id()).orElseThrow().answered()).isTrue();
		mvc.perform(get("/surveys/thanks"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Good group"))));
		mvc.perform(post(link).with(csrf()).params(Surveys.answer(survey.form(), "Twice")))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("You have answered this survey already")));
		mvc.perform(get(link)).andExpect(status().isConflict());
		assertThat(held(survey)).isEqualTo(1);

		// Signed in, from Home
		var signedIn = term.participants(term.second()).get(0);
		mvc.perform(get("/").with(as(signedIn)))
			.andExpect(content().string(containsString("A survey waits for you")))
			.andExpect(content().string(containsString("/surveys/" + survey.id())));
		mvc.perform(get("/surveys/" + survey.id()).with(as(signedIn))).andExpect(status().isOk());
		mvc.perform(post("/surveys/" + survey.id()).with(csrf())
			.with(as(signedIn))
			.params(Surveys.answer(survey.form(), "Signed in"))).andExpect(redirectedUrl("/surveys/thanks"));
		assertThat(held(survey)).isEqualTo(2);
		mvc.perform(get("/").with(as(signedIn)))
			.andExpect(content().string(not(containsString("A survey waits for you"))));
		mvc.perform(post("/surveys/" + survey.id()).with(csrf())
			.with(as(signedIn))
			.params(Surveys.answer(survey.form(), "Again"))).andExpect(status().isConflict());

		// Not invited: a mentor, an outsider's token
		mvc.perform(get("/surveys/" + survey.id()).with(as(term.mentor(term.first(), 0))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/surveys/answer/" + Tokens.newToken())).andExpect(status().isNotFound());
		mvc.perform(post("/surveys/answer/" + Tokens.newToken()).with(csrf())
			.params(Surveys.answer(survey.form(), "Stranger"))).andExpect(status().isNotFound());

		// Closed: refused, nothing stored
		var late = term.participants(term.first()).get(1);
		var lateLink = Surveys.link(Surveys.mails(mail, late.email(), 1)[0]);
		surveys.close(survey.id());
		mvc.perform(get(lateLink))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("closed")));
		mvc.perform(post(lateLink).with(csrf()).params(Surveys.answer(survey.form(), "Too late")))
			.andExpect(status().isConflict());
		assertThat(held(survey)).isEqualTo(2);
	}

	@Test
	void theMeasurePairsByTheRespondentsOwnCodeKeptOnlyAsItsHash() throws Exception {
		var term = groups.threeMeetingsHeld(false);
		var before = open(term, "kindred-self-compassion", Moment.AFTER_THIRD);
		var after = open(term, "kindred-self-compassion", Moment.AFTER_LAST);
		var person = term.participants(term.first()).get(0);
		mvc.perform(get("/surveys/" + before.id()).with(as(person)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The second letter of your mother")));
		var answer = Surveys.answer(before.form(), "");
		code(answer, "ä", "7", "Q");
		var bad = Surveys.answer(before.form(), "");
		code(bad, "ab", "32", "9");
		mvc.perform(post("/surveys/" + before.id()).with(csrf()).with(as(person)).params(bad))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"code-mother-error\"")))
			.andExpect(content().string(containsString("id=\"code-day-error\"")))
			.andExpect(content().string(containsString("id=\"code-town-error\"")));
		mvc.perform(post("/surveys/" + before.id()).with(csrf()).with(as(person)).params(answer))
			.andExpect(redirectedUrl("/surveys/thanks"));
		code(answer, "Ä", " 07", "q");
		mvc.perform(post("/surveys/" + after.id()).with(csrf()).with(as(person)).params(answer))
			.andExpect(redirectedUrl("/surveys/thanks"));
		// Someone who does not know one part is not paired
		var other = term.participants(term.first()).get(1);
		var unknown = Surveys.answer(before.form(), "");
		code(unknown, "A", "", "B");
		mvc.perform(post("/surveys/" + before.id()).with(csrf()).with(as(other)).params(unknown))
			.andExpect(redirectedUrl("/surveys/thanks"));

		var held = jdbc.sql("select answer from survey_pending where survey_id in (?, ?)")
			.params(before.id(), after.id())
			.query(String.class)
			.list();
		assertThat(held).hasSize(3).noneMatch(a -> a.contains("\"Ä\"") || a.contains("\"7\"") || a.contains("\"Q\""));
		surveys.close(before.id());
		surveys.close(after.id());
		sweep.sweep();
		var codes = jdbc
			.sql("select pair_code from survey_response where survey_id in (?, ?) and pair_code is not null")
			.params(before.id(), after.id())
			.query(String.class)
			.list();
		assertThat(codes).hasSize(2).containsOnly(Tokens.hash(term.programme().value() + "|Ä|7|Q"));
		assertThat(surveys.count("select count(*) from survey_response where survey_id in (?, ?)", before.id(),
				after.id()))
			.isEqualTo(3);
	}

	private static void code(MultiValueMap<String, String> answer, String mother, String day, String town) {
		answer.set("code.mother", mother);
		answer.set("code.day", day);
		answer.set("code.town", town);
	}

	private Survey open(TestGroups.Term term, String form, Moment moment) {
		var survey = service.add(term.programme(), form, moment, null, null, term.staff().coordinator().id());
		surveys.open(survey.id());
		sweep.sweep();
		return survey;
	}

	private int held(Survey survey) {
		return surveys.count("select count(*) from survey_pending where survey_id = ?", survey.id());
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
