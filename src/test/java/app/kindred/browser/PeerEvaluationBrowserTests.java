package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import app.kindred.TestData;
import app.kindred.TestGroups;

/**
 * A credit-seeking mentor evaluates their co-mentor: the list, the form sent empty (told
 * at each field), filled in by keyboard-reachable radio buttons, checked on the
 * confirmation page and sent; then the co-mentor, who has not sent theirs, is not shown
 * it. Every page is checked with axe, at a desktop's width and a phone's, and as HTML.
 */
class PeerEvaluationBrowserTests extends BrowserTestBase {

	@Autowired
	TestGroups testGroups;

	@Test
	void aMentorEvaluatesTheirCoMentorOnce() {
		var term = testGroups.creditCourse();
		var mentor = term.mentor(term.first(), 0);
		var coMentor = term.mentor(term.first(), 1);
		var list = "/programmes/" + term.programme().value() + "/course/peer";

		signIn(mentor.email(), TestData.PASSWORD);
		browser.open(list).checkAtDesktopAndPhone().checkHtml();
		assertThat(browser.heading()).isEqualTo("Peer evaluation");
		assertThat(browser.pageText()).contains("Not written yet", "Shown once you have sent yours");
		browser.clickCss("main .card h2 a");
		browser.checkAtDesktopAndPhone().checkHtml();

		browser.submit("Check before sending");
		assertThat(browser.text("#preparation-error")).isEqualTo("Choose a rating from 1 to 5.");
		assertThat(browser.fieldError("text")).isNotEmpty();
		browser.checkAtDesktopAndPhone().checkHtml();

		for (var field : new String[] { "preparation", "sharing", "safeSpace", "reflection", "cooperation" }) {
			browser.driver().findElement(By.cssSelector("label[for='" + field + "-4']")).click();
		}
		browser.fill("text", "We planned every meeting together and shared the leading fairly.");
		browser.submit("Check before sending");
		assertThat(browser.pageText()).contains("Once sent, it cannot be changed.", "4 of 5");
		browser.checkAtDesktopAndPhone().checkHtml();
		browser.submit("Send the evaluation");
		assertThat(browser.pageText()).contains("Your evaluation was sent.", "It cannot be changed.",
				"We planned every meeting together");
		browser.checkAtDesktopAndPhone().checkHtml();

		browser.reset();
		signIn(coMentor.email(), TestData.PASSWORD);
		browser.open(list + "/" + mentor.id().value()).checkAtDesktopAndPhone();
		assertThat(browser.pageText()).doesNotContain("We planned every meeting together")
			.contains("once you have sent yours");
	}

}
