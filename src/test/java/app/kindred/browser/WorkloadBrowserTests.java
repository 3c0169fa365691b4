package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.assessment.ReadingLists;
import app.kindred.meeting.MentorWorkspace;

/**
 * A credit-seeking mentor's workload and reading list, and the teacher's reading-list
 * settings: a meeting attended counts by itself, hours typed wrong come back at their
 * field, the right ones add to their part; a work is marked read. Every page is checked
 * with axe at a desktop's width and a phone's, and with the HTML checker.
 */
class WorkloadBrowserTests extends BrowserTestBase {

	@Autowired
	TestGroups groups;

	@Autowired
	MentorWorkspace workspace;

	@Autowired
	ReadingLists readingLists;

	@Test
	void aMentorLogsHoursAndMarksReadingAndTheTeacherKeepsTheList() {
		var term = groups.creditCourse();
		var mentor = term.mentor(term.first(), 0);
		var first = workspace.meetings(term.programme(), term.first().id(), mentor.id()).getFirst();
		workspace.recordAttendance(term.programme(), term.first().id(), first.id(), Set.of(mentor.id()), mentor.id());
		readingLists.fillIfEmpty(term.programme(), readingLists.supportingWellbeing());
		var programme = "/programmes/" + term.programme().value();

		signIn(mentor.email(), TestData.PASSWORD);
		browser.open(programme + "/course/workload");
		assertThat(browser.heading()).isEqualTo("Workload");
		assertThat(browser.pageText()).contains("Group meeting 1", "Group work: 2 h 0 min of 27 h",
				"Total: 2 h 0 min of 81 h");
		browser.checkAtDesktopAndPhone().checkHtml();

		browser.driver().findElement(By.cssSelector("#part option[value=LITERATURE]")).click();
		// The browser lets 24 h 30 min through; the server refuses more than a day
		browser.fill("hours", "24");
		browser.fill("minutes", "30");
		browser.fill("note", "Read the guide");
		browser.submit("Log the hours");
		assertThat(browser.fieldError("hours")).isEqualTo("Log from 1 minute to 24 hours.");
		browser.checkAtDesktopAndPhone();

		browser.fill("hours", "2");
		browser.fill("minutes", "30");
		browser.js("document.getElementById('date').value = arguments[0]",
				LocalDate.now(TestGroups.HELSINKI).minusDays(1).toString());
		browser.submit("Log the hours");
		assertThat(browser.pageText()).contains("The hours were logged.",
				"Literature and reflection: 2 h 30 min of 27 h", "Read the guide");
		browser.checkAtDesktopAndPhone();

		browser.open(programme + "/course/reading");
		assertThat(browser.pageText()).contains("0 of 4 read", "Grandell, R. (2015). Itsemyötätunto. Edita.");
		browser.checkAtDesktopAndPhone().checkHtml();
		browser.click("Mark as read");
		assertThat(browser.pageText()).contains("Marked as read.", "1 of 4 read");
		browser.checkAtDesktopAndPhone();

		browser.reset();
		signIn(term.staff().teacher().email(), TestData.PASSWORD);
		browser.open(programme + "/course/settings/reading");
		assertThat(browser.heading()).isEqualTo("Reading list");
		browser.checkAtDesktopAndPhone().checkHtml();
		browser.submit("Add to the list");
		assertThat(browser.fieldError("citation")).isNotBlank();
		browser.fill("citation", "Gilbert, P. (2009). The compassionate mind. Constable.");
		browser.submit("Add to the list");
		assertThat(browser.pageText()).contains("The entry was added.", "Gilbert, P. (2009)");
		browser.click("Move up");
		assertThat(browser.pageText()).contains("The entry was moved.");
		browser.checkAtDesktopAndPhone();
	}

}
