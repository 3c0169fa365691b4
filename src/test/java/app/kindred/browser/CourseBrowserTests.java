package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.identity.AccountId;

/**
 * Issue 13's journey through a credit course, axe on every page: the teacher sets the
 * course up; a credit-seeking mentor starts from Home and goes through every part from
 * the course page (objectives, three diary entries with one shared, hours, the reading
 * list, self-evaluation, peer evaluation of the co-mentor, who sends theirs too); the
 * teacher reads the shared entry and fails the mentor with a justification; the mentor is
 * told by e-mail, reads why, writes a new version of the entry and logs more hours; the
 * teacher sees the new version, reads it and passes; the grade export holds exactly that
 * mentor, and a second export nobody.
 */
class CourseBrowserTests extends BrowserTestBase {

	static final String JUSTIFICATION = "The reflection on your group's second meeting is missing from the diary.";

	@Autowired
	TestGroups groups;

	@Test
	void aMentorCompletesTheCourseAndTheTeacherExportsTheGrade() {
		var term = groups.creditCourse();
		var mentor = term.mentor(term.first(), 0);
		var coMentor = term.mentor(term.first(), 1);
		var teacher = term.staff().teacher();
		var today = LocalDate.now(TestGroups.HELSINKI);

		setUpTheCourse(teacher.email());
		var entries = workThroughTheCourse(mentor.email(), today);
		coMentorSendsTheirs(coMentor.email());

		// The teacher reads the shared entry and fails the mentor
		browser.reset();
		signIn(teacher.email(), TestData.PASSWORD);
		openMentorFromHome(mentor.id());
		var studentNumber = browser.driver()
			.findElement(By.xpath("//main//dt[normalize-space(.)='Student number']/following-sibling::dd[1]"))
			.getText()
			.strip();
		assertThat(studentNumber).matches("S10\\d\\d");
		assertThat(browser.pageText())
			.contains("not read yet", "Evaluations of this mentor", "My co-mentor prepared carefully")
			.doesNotContain("[Ljava", "{1}");
		browser.checkAtDesktopAndPhone();
		readSharedEntry(entries.shared());
		assertThat(browser.pageText()).contains("You are reading version 1.", "the second group meeting went well");
		backToMentor();
		assertThat(browser.pageText()).contains("you read version 1").doesNotContain("not read yet");
		browser.checkAtDesktopAndPhone();
		browser.driver().findElement(By.cssSelector("label[for='result-FAIL']")).click();
		var criteria = browser.driver().findElements(By.cssSelector("#criteria input[type=checkbox]"));
		assertThat(criteria).hasSize(2);
		setChecked(criteria.get(0), true);
		setChecked(criteria.get(1), false);
		browser.fill("justification", JUSTIFICATION);
		browser.submit("Save the decision");
		assertThat(browser.pageText()).contains("The decision is saved", "Failed on",
				"Not met: The diary reflects on every meeting held");
		browser.checkAccessibility();

		// The mentor is told the result, not the justification, and supplements
		browser.reset();
		signIn(mentor.email(), TestData.PASSWORD);
		openMailTo(mentor.email());
		assertThat(browser.pageText()).contains("Not passed yet", "not passed yet").doesNotContain(JUSTIFICATION);
		followLinkInMail();
		assertThat(browser.heading()).isEqualTo("Your result");
		assertThat(browser.pageText()).contains("Not passed yet", JUSTIFICATION,
				"Not met: The diary reflects on every meeting held");
		browser.checkAtDesktopAndPhone();
		browser.click("write a new version of a diary entry, or new entries");
		browser.checkAccessibility();
		browser.clickCss("main a[href$='/course/diary/" + entries.shared() + "']");
		assertThat(browser.pageText())
			.contains("saving keeps what the teachers have read and makes your changes version 2");
		browser.checkAccessibility();
		browser.fill("text", "Version two: " + MEETING_TEXT
				+ " Looking back at the second meeting, I now see how the quieter ones found their turn.");
		browser.submit("Save the entry");
		assertThat(browser.pageText()).contains("Your changes are saved as a new version.");
		browser.checkAtDesktopAndPhone();
		browser.clickCss("main a[href$='/course/diary']");
		browser.checkAccessibility();
		browser.clickCss("main a[href$='/course']");
		browser.checkAccessibility();
		browser.click("Log hours");
		logHours("GROUPS", 2, 15, today.minusDays(2), "Planned the last meetings with my co-mentor");
		assertThat(browser.pageText()).contains("Planned the last meetings");
		browser.checkAccessibility();

		// The teacher sees the new version, reads it and passes the mentor
		browser.reset();
		signIn(teacher.email(), TestData.PASSWORD);
		openMentorFromHome(mentor.id());
		assertThat(browser.pageText()).contains("new version since you read version 1");
		browser.checkAccessibility();
		readSharedEntry(entries.shared());
		assertThat(browser.pageText()).contains("You read version 1 before; this is version 2", "Version two:");
		backToMentor();
		assertThat(browser.pageText()).contains("you read version 2").doesNotContain("new version since you read");
		browser.driver().findElement(By.cssSelector("label[for='result-PASS']")).click();
		browser.driver()
			.findElements(By.cssSelector("#criteria input[type=checkbox]"))
			.forEach(box -> setChecked(box, true));
		browser.fill("justification", "Your diary now reflects on every meeting, and the hours are complete.");
		browser.submit("Save the decision");
		assertThat(browser.pageText()).contains("The decision is saved", "Passed on");
		browser.checkAtDesktopAndPhone();

		// The grade export: exactly that mentor, then nobody
		browser.clickCss("main a[href$='/assessment']");
		browser.checkAccessibility();
		browser.click("Grade export for the study registry");
		assertThat(browser.heading()).isEqualTo("Grade export");
		assertThat(browser.pageText()).contains("A new export would hold one mentor", studentNumber);
		browser.checkAtDesktopAndPhone();
		var first = exportNewPasses();
		assertThat(first.get("status")).isEqualTo(200L);
		assertThat((String) first.get("type")).startsWith("text/csv");
		var lines = ((String) first.get("body")).strip().lines().toList();
		assertThat(lines).as("the first export").hasSize(2);
		assertThat(lines.get(1)).contains("SZ00CM31", studentNumber, "3");
		assertThat(lines.get(1).toLowerCase()).containsAnyOf("hyväksytty", "pass", "godkänd");

		browser.open(browser.url());
		assertThat(browser.pageText()).contains("Earlier exports", "passes, 1 rows");
		browser.checkAccessibility();
		var second = exportNewPasses();
		assertThat(second.get("status")).isEqualTo(200L);
		assertThat(((String) second.get("body")).strip().lines().toList()).as("the second export")
			.containsExactly(lines.get(0));
		browser.open(browser.url());
		assertThat(browser.pageText()).contains("passes, 0 rows");
		browser.checkAccessibility();
	}

	static final String MEETING_TEXT = "I led the opening round and the second group meeting went well: "
			+ "we kept to the plan and the closing exercise worked better than I feared.";

	/** The entries the mentor wrote, by what the test does with them next. */
	record Entries(String shared, String training, String free) {
	}

	/**
	 * The teacher finds the course's settings from Home and writes the code, two outcomes
	 * and two criteria, then two works of the reading list.
	 */
	private void setUpTheCourse(String teacher) {
		signIn(teacher, TestData.PASSWORD);
		browser.open("/").checkAccessibility();
		browser.click("Course");
		assertThat(browser.heading()).isEqualTo("Course settings");
		browser.checkAccessibility();
		browser.fill("code", "SZ00CM31");
		browser.fill("outcomes[0].en", "Reflects on own work as a mentor");
		browser.fill("outcomes[0].fi", "Pohtii omaa toimintaansa mentorina");
		browser.fill("outcomes[1].en", "Supports the wellbeing of a group of students");
		browser.fill("criteria[0].en", "Took part in the trainings and led the meetings");
		browser.fill("criteria[1].en", "The diary reflects on every meeting held");
		browser.submit("Save the course settings");
		assertThat(browser.pageText()).contains("The course settings are saved.");
		assertThat(browser.value("criteria[1].en")).isEqualTo("The diary reflects on every meeting held");
		browser.checkAtDesktopAndPhone();

		browser.click("Reading list");
		assertThat(browser.heading()).isEqualTo("Reading list");
		browser.checkAccessibility();
		browser.fill("citation", "Grandell, R. (2015). Itsemyötätunto. Edita.");
		browser.submit("Add to the list");
		assertThat(browser.pageText()).contains("The entry was added.");
		browser.fill("citation", "Gilbert, P. (2009). The compassionate mind. Constable.");
		browser.submit("Add to the list");
		assertThat(browser.pageText()).contains("Grandell, R. (2015)", "Gilbert, P. (2009)");
		browser.checkAccessibility();
	}

	/**
	 * The mentor from Home through every part of the course page; returns the diary's
	 * entries.
	 */
	private Entries workThroughTheCourse(String mentor, LocalDate today) {
		browser.reset();
		signIn(mentor, TestData.PASSWORD);
		browser.open("/").checkAccessibility();
		browser.click("Your course");
		assertThat(browser.heading()).isEqualTo("Your course");
		assertThat(browser.pageText()).contains("SZ00CM31", "3 ECTS", "Reflects on own work as a mentor",
				"The diary reflects on every meeting held");
		browser.checkAtDesktopAndPhone();

		// Objectives
		browser.click("Write or revise your objectives");
		browser.checkAccessibility();
		browser.fill("objectives[0].text", "I learn to open and close a group meeting so that everyone has a say.");
		choose("objectives[0].outcome", 1);
		browser.fill("objectives[1].text", "I notice when a student needs more support than the group can give.");
		choose("objectives[1].outcome", 2);
		browser.submit("Save the objectives");
		assertThat(browser.pageText()).contains("Your objectives are saved.");
		browser.checkAtDesktopAndPhone();
		backToCourse();

		// The diary: one entry about a meeting (shared), one about a training if there
		// was
		// one, one free
		browser.click("Learning diary");
		assertThat(browser.heading()).isEqualTo("Learning diary");
		browser.checkAtDesktopAndPhone();
		var shared = newEntry("Group meeting", today.minusDays(1), MEETING_TEXT);
		browser.checkAtDesktopAndPhone();
		browser.submit("Share the entry");
		assertThat(browser.heading()).isEqualTo("Share with the teachers");
		browser.checkAccessibility();
		browser.submit("Share the entry");
		assertThat(browser.pageText()).contains("The entry is shared with the teachers.",
				"Shared with the teachers on");
		browser.checkAtDesktopAndPhone();
		browser.clickCss("main a[href$='/course/diary']");
		var training = newEntry("Training", today.minusDays(3),
				"What I took from the training: listening first, and saying less than I planned to.");
		browser.clickCss("main a[href$='/course/diary']");
		var free = newEntry(null, today,
				"Reading about self-compassion made me see how hard I am on myself after a meeting.");
		browser.clickCss("main a[href$='/course/diary']");
		assertThat(browser.texts("main tbody tr td:nth-child(3)")).containsExactlyInAnyOrder("Shared with the teachers",
				"Private", "Private");
		browser.checkAtDesktopAndPhone();
		backToCourse();

		// Hours
		browser.click("Log hours");
		assertThat(browser.heading()).isEqualTo("Workload");
		browser.checkAtDesktopAndPhone();
		logHours("LITERATURE", 3, 30, today.minusDays(1), "Read the guide on self-compassion");
		assertThat(browser.pageText()).contains("Literature and reflection: 3 h 30 min of 27 h");
		browser.checkAtDesktopAndPhone();
		backToCourse();

		// The reading list
		browser.click("The reading list");
		assertThat(browser.pageText()).contains("0 of 2 read");
		browser.checkAccessibility();
		browser.click("Mark as read");
		assertThat(browser.pageText()).contains("Marked as read.", "1 of 2 read");
		browser.checkAtDesktopAndPhone();
		backToCourse();

		// Self-evaluation: checked, then submitted
		browser.click("Write your self-evaluation");
		browser.checkAccessibility();
		var scales = browser.driver().findElements(By.cssSelector("main fieldset[id^='ratings[']"));
		assertThat(scales).as("two outcomes and two objectives").hasSize(4);
		for (int i = 0; i < scales.size(); i++) {
			browser.driver().findElement(By.cssSelector("label[for='rating-" + i + "-3']")).click();
		}
		browser.fill("reflection", "I grew more confident leading the group, and I still need to practise "
				+ "noticing who has not spoken yet. The objectives helped me look at this after each meeting.");
		browser.submit("Check before submitting");
		assertThat(browser.heading()).isEqualTo("Check your self-evaluation");
		browser.checkAccessibility();
		browser.submit("Submit the self-evaluation");
		assertThat(browser.pageText()).contains("It can no longer be changed.");
		browser.checkAtDesktopAndPhone();
		backToCourse();

		// Peer evaluation of the co-mentor
		browser.click("Peer evaluation");
		browser.checkAccessibility();
		browser.clickCss("main .card h2 a");
		browser.checkAccessibility();
		evaluateCoMentor("We planned every meeting together and shared the leading fairly.");
		assertThat(browser.pageText())
			.contains("Your evaluation was sent.", "Your co-mentor has not written an evaluation of you.")
			.doesNotContain("Your co-mentor wrote this");
		browser.checkAccessibility();
		browser.clickCss("main a[href$='/course/peer']");
		browser.checkAccessibility();
		backToCourse();
		assertThat(browser.pageText())
			.contains("2 of 4 objectives written", "3 entries, 1 shared", "1 of 2 read", "1 of 1 evaluations sent")
			.doesNotContain("[Ljava", "{1}");
		assertThat(browser.texts("main .card .card")).as("cards inside cards").isEmpty();
		browser.checkAtDesktopAndPhone();
		return new Entries(shared, training, free);
	}

	/** The co-mentor sends theirs, and both evaluations are revealed. */
	private void coMentorSendsTheirs(String coMentor) {
		browser.reset();
		signIn(coMentor, TestData.PASSWORD);
		browser.open("/").checkAccessibility();
		browser.click("Your course");
		browser.checkAccessibility();
		browser.click("Peer evaluation");
		browser.checkAccessibility();
		browser.clickCss("main .card h2 a");
		browser.checkAccessibility();
		evaluateCoMentor("My co-mentor prepared carefully and made the group feel safe to talk.");
		assertThat(browser.pageText()).contains("Your co-mentor wrote this about your work together.",
				"We planned every meeting together");
		browser.checkAccessibility();
	}

	private void evaluateCoMentor(String text) {
		for (var field : new String[] { "preparation", "sharing", "safeSpace", "reflection", "cooperation" }) {
			browser.driver().findElement(By.cssSelector("label[for='" + field + "-4']")).click();
		}
		browser.fill("text", text);
		browser.submit("Check before sending");
		assertThat(browser.pageText()).contains("Once sent, it cannot be changed.");
		browser.checkAccessibility();
		browser.submit("Send the evaluation");
	}

	/**
	 * Writes a new entry about the occasion whose choice starts with this text (if the
	 * mentor has one; none for a free entry) and returns its id.
	 */
	private String newEntry(String occasion, LocalDate date, String text) {
		browser.click("New entry");
		assertThat(browser.heading()).isEqualTo("New entry");
		browser.checkAccessibility();
		var choice = occasion == null ? List.<WebElement>of() : browser.driver()
			.findElements(By.xpath("//main//label[starts-with(normalize-space(.), '" + occasion + "')]"));
		if (choice.isEmpty()) {
			browser.driver().findElement(By.cssSelector("label[for='choice-none']")).click();
		}
		else {
			choice.get(0).click();
		}
		browser.submit("Continue");
		browser.checkAccessibility();
		if (!choice.isEmpty()) {
			assertThat(browser.text("#occasion option:checked")).startsWith(occasion);
		}
		browser.js("document.getElementById('date').value = arguments[0]", date.toString());
		browser.fill("text", text);
		browser.submit("Save the entry");
		assertThat(browser.pageText()).contains("The entry is saved. Only you can read it.");
		browser.checkAccessibility();
		var url = browser.url();
		return url.substring(url.lastIndexOf('/') + 1);
	}

	private void logHours(String part, int hours, int minutes, LocalDate date, String note) {
		browser.driver().findElement(By.cssSelector("#part option[value=" + part + "]")).click();
		browser.fill("hours", String.valueOf(hours));
		browser.fill("minutes", String.valueOf(minutes));
		browser.js("document.getElementById('date').value = arguments[0]", date.toString());
		browser.fill("note", note);
		browser.submit("Log the hours");
		assertThat(browser.pageText()).contains("The hours were logged.", note);
	}

	/** The teacher from Home to the assessment overview and the mentor's page. */
	private void openMentorFromHome(AccountId mentor) {
		browser.open("/").checkAccessibility();
		browser.click("Assessment");
		assertThat(browser.heading()).isEqualTo("Assessment");
		assertThat(browser.driver().findElements(By.cssSelector("main tbody a[href*='/assessment/']")))
			.as("the course's credit-seeking mentors")
			.hasSize(4);
		browser.checkAtDesktopAndPhone();
		browser.clickCss("main tbody a[href$='/assessment/" + mentor.value() + "']");
		assertThat(browser.heading()).startsWith("Assessment: ");
	}

	private void readSharedEntry(String entry) {
		browser.clickCss("main a[href$='/diary/" + entry + "']");
		browser.checkAtDesktopAndPhone();
	}

	private void backToMentor() {
		browser.clickCss("main p:first-of-type a");
		assertThat(browser.heading()).startsWith("Assessment: ");
	}

	private void backToCourse() {
		browser.clickCss("main a[href$='/course']");
		assertThat(browser.heading()).isEqualTo("Your course");
		browser.checkAccessibility();
	}

	private void choose(String select, int option) {
		browser.driver()
			.findElement(By.cssSelector("select[id='" + select + "'] option:nth-child(" + (option + 1) + ")"))
			.click();
	}

	private static void setChecked(WebElement box, boolean checked) {
		if (box.isSelected() != checked) {
			box.click();
		}
	}

	/**
	 * Sends the export page's form for the new passes from within the page (with its CSRF
	 * token and the session's cookie), as pressing its button would; the answer is a
	 * download, which a browser would not show.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Object> exportNewPasses() {
		return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						const form = [...document.querySelectorAll('main form')]
						  .find(f => f.querySelector('input[name=result]').value === 'PASS' && !f.querySelector('input[name=everything]'));
						fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin'})
						  .then(r => r.text().then(body => done({status: r.status, type: r.headers.get('Content-Type') || '', body: body})))
						  .catch(e => done({status: -1, type: '', body: String(e)}));
						""");
	}

}
