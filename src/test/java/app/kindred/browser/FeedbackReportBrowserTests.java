package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import app.kindred.TestData;
import app.kindred.core.Language;
import app.kindred.feedback.FeedbackForms;
import app.kindred.feedback.internal.Answer;
import app.kindred.feedback.internal.Moment;
import app.kindred.feedback.internal.ResponseStore;
import app.kindred.feedback.internal.Survey;
import app.kindred.feedback.internal.SurveyStore;

/**
 * A programme's feedback report in Chromium: charts beside their tables, free texts with
 * their quote checkboxes, a suppressed survey and the measure before and after; axe at
 * desktop and phone width and the W3C checker on what was served.
 */
class FeedbackReportBrowserTests extends BrowserTestBase {

	@Autowired
	SurveyStore surveys;

	@Autowired
	ResponseStore responses;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void theReportReadsOnADesktopAndAPhone() {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var feedback = FeedbackForms.survey(programme, staff.organisation(), FeedbackForms.FEEDBACK, Moment.AFTER_LAST,
				data.now());
		var before = FeedbackForms.survey(programme, staff.organisation(), FeedbackForms.MEASURE, Moment.BEFORE_FIRST,
				data.now());
		var after = FeedbackForms.survey(programme, staff.organisation(), FeedbackForms.MEASURE, Moment.AFTER_LAST,
				data.now());
		for (var s : List.of(feedback, before, after)) {
			surveys.insert(s, staff.coordinator().id().value(), data.now());
		}
		var answers = new ArrayList<Answer>();
		for (int i = 0; i < 9; i++) {
			answers.add(new Answer(feedback.id(), null, i < 6 ? Language.EN : Language.FI, LocalDate.now(), null,
					List.of(new Answer.Item("useful", 1 + i % 5, null, null, false),
							new Answer.Item("liked", 1 + i % 3, null, null, false), new Answer.Item("words", null, null,
									"A long answer in my own words, which goes on for a while " + i, i % 2 == 0))));
		}
		write(feedback, answers);
		var first = new ArrayList<Answer>();
		var second = new ArrayList<Answer>();
		for (int i = 0; i < 6; i++) {
			first.add(FeedbackForms.measure(before, "code" + i, 2, 4, 2 + i % 2));
			second.add(FeedbackForms.measure(after, "code" + i, 3 + i % 2, 2, 3 + i % 3));
		}
		write(before, first);
		write(after, second.subList(0, 6));

		signIn(staff.coordinator().email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme.value() + "/feedback");
		// a title is not drawn, so WebDriver's visible text has none: read its content
		assertThat(String.valueOf(browser.js("return Array.from(document.querySelectorAll('main svg title'))"
				+ ".map(t => t.textContent).join('|')")))
			.contains("Answers to “The meetings were useful”");
		assertThat(browser.pageText()).contains("among the 6 participants who answered both times");
		browser.checkAtDesktopAndPhone().checkHtml();
	}

	private void write(Survey survey, List<Answer> answers) {
		transactions.executeWithoutResult(tx -> {
			answers.forEach(responses::hold);
			surveys.lock(survey.id());
			responses.writeHeld(survey.id(), survey.organisation().value(), survey.formKey(), survey.moment(),
					survey.form());
		});
	}

}
