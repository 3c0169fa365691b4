package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import app.kindred.TestData;
import app.kindred.assessment.AssessmentCourse;

/**
 * The teacher's side of a credit course, by keyboard and at a phone's width, axe on every
 * page: the assessment overview, a mentor's page with a fail refused without its
 * justification and then saved, the grade export's preview, and the mentor's result page
 * with what to do next.
 */
class AssessmentBrowserTests extends BrowserTestBase {

	@Autowired
	AssessmentCourse courses;

	@Test
	void aTeacherFailsAMentorWhoReadsWhatIsMissing() {
		var course = courses.withCode("SZ00CM31");
		var term = course.term();
		var mentor = term.mentor(term.first(), 0);
		var id = course.programme().value();

		signIn(term.staff().teacher().email(), TestData.PASSWORD);
		browser.open("/programmes/" + id + "/assessment").checkAtDesktopAndPhone();
		assertThat(browser.heading()).isEqualTo("Assessment");
		browser.open("/programmes/" + id + "/assessment/" + mentor.id().value()).checkAtDesktopAndPhone();
		browser.driver().findElement(By.id("result-FAIL")).click();
		browser.driver().findElement(By.id("criterion-" + course.criteria().get(0))).click();
		browser.submit("Save the decision");
		assertThat(browser.pageText()).contains("Please correct the following", "Please write 20 to 4000 characters");
		browser.checkAtDesktopAndPhone();
		browser.fill("justification", "The reflection on the group meetings is missing from your diary.");
		browser.submit("Save the decision");
		assertThat(browser.pageText()).contains("The decision is saved", "Failed on",
				"Not met: Criterion 2 in English");
		browser.checkAtDesktopAndPhone();
		browser.open("/programmes/" + id + "/assessment/export").checkAtDesktopAndPhone();
		assertThat(browser.pageText()).contains("A new export would hold one mentor");

		browser.reset();
		signIn(mentor.email(), TestData.PASSWORD);
		browser.open("/programmes/" + id + "/course/result").checkAtDesktopAndPhone();
		assertThat(browser.pageText()).contains("Not passed yet", "How to supplement",
				"The reflection on the group meetings is missing");
	}

}
