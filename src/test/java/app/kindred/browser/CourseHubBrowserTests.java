package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.kindred.TestData;
import app.kindred.TestGroups;

/**
 * The course's settings and the mentor's course page: the teacher finds the settings from
 * the programme's page, writes a code and an outcome in two languages (a scale of 99
 * refused at its field first); the credit-seeking mentor finds their course from their
 * group's meetings and reads the outcome and the deadlines. Every page is checked with
 * axe, at a desktop's width and a phone's.
 */
class CourseHubBrowserTests extends BrowserTestBase {

	@Autowired
	TestGroups groups;

	@Test
	void theTeacherSetsTheCourseAndTheMentorReadsIt() {
		var term = groups.creditCourse();
		var id = term.programme().value();

		signIn(term.staff().teacher().email(), TestData.PASSWORD);
		browser.open("/programmes/" + id + "/manage");
		browser.click("Course");
		assertThat(browser.heading()).isEqualTo("Course settings");
		browser.checkAtDesktopAndPhone().checkHtml();
		browser.fill("code", "SZ00CM31");
		browser.fill("ratingScale", "99");
		browser.fill("outcomes[0].en", "Reflects on own work as a mentor");
		browser.fill("outcomes[0].fi", "Pohtii omaa toimintaansa mentorina");
		browser.andWaitForNewPage(() -> browser.click("Save the course settings"));
		assertThat(browser.fieldError("ratingScale")).contains("from 3 to 10");
		browser.checkAtDesktopAndPhone();
		browser.fill("ratingScale", "5");
		browser.andWaitForNewPage(() -> browser.click("Save the course settings"));
		assertThat(browser.pageText()).contains("The course settings are saved.");
		assertThat(browser.value("outcomes[0].fi")).isEqualTo("Pohtii omaa toimintaansa mentorina");
		browser.checkHtml();

		browser.reset();
		signIn(term.mentor(term.first(), 0).email(), TestData.PASSWORD);
		browser.open("/programmes/" + id + "/my-meetings");
		browser.andWaitForNewPage(() -> browser.click("Your course"));
		assertThat(browser.heading()).isEqualTo("Your course");
		assertThat(browser.pageText()).contains("SZ00CM31", "3 ECTS", "Reflects on own work as a mentor",
				"Own learning objectives");
		browser.checkAtDesktopAndPhone().checkHtml();
	}

}
