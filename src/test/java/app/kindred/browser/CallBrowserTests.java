package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import app.kindred.TestData;
import app.kindred.programme.EligibilityKind;

/**
 * A coordinator sets up the participant sign-up and opens it; a newcomer fills in the
 * form before having an account, registers, and lands back on the form with every answer
 * kept; the next person waits; answers change in time.
 */
class CallBrowserTests extends BrowserTestBase {

	@Test
	void aCoordinatorOpensACallAndANewcomerSignsUpWithoutRetypingAnything() {
		var staff = data.staff();
		var programme = data
			.programme(staff, false, data.settings(1, data.now().minus(Duration.ofDays(1)), EligibilityKind.NONE, null))
			.value();

		// The coordinator sets up the sign-up: a weekly time, a question with choices, a
		// consent, then publishes
		signIn(staff.coordinator().email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme + "/manage");
		browser.click("Set up the participant sign-up");
		assertThat(browser.heading()).isEqualTo("Participant sign-up: questions and rules");
		browser.checkAccessibility();

		new Select(browser.driver().findElement(By.id("day"))).selectByVisibleText("Tuesday");
		browser.js("document.getElementById('starts').value = '16:15'");
		browser.click("Add time");
		assertThat(browser.text("main [role=status]")).isEqualTo("Saved.");
		assertThat(browser.pageText()).contains("Tuesday 16:15–18:15");

		// A choice question with one choice only is refused at its field, with what was
		// typed kept
		new Select(browser.driver().findElement(By.id("kind"))).selectByVisibleText("One choice");
		browser.fill("label[EN]", "Which year are you in?");
		browser.fill("options[EN]", "First");
		browser.click("Add question");
		assertThat(browser.text("#options-EN-error")).isEqualTo("Please give 2 to 20 choices, one per line.");
		assertThat(browser.value("label[EN]")).isEqualTo("Which year are you in?");
		browser.checkAccessibility();
		browser.fill("options[EN]", "First\nSecond\nLater");
		browser.driver().findElement(By.id("required1")).click();
		browser.click("Add question");
		assertThat(browser.pageText()).contains("Which year are you in?", "First / Second / Later");

		browser.fill("text[EN]", "Nobody records the meetings, and I keep what others share to myself.");
		browser.click("Add consent");
		assertThat(browser.pageText()).contains("Nobody records the meetings");
		browser.checkAccessibility();

		browser.open("/programmes/" + programme + "/manage");
		browser.click("Publish");
		browser.click("Sign out");

		// A newcomer fills in the form first, then registers, and finds every answer
		// still there
		browser.open("/programmes/" + programme).checkAccessibility();
		browser.click("Sign up for a group");
		assertThat(browser.pageText()).contains("When you send it, you will sign in or create an account");
		browser.checkAccessibility();
		browser.driver().findElement(By.id("availability-TUE1615-PREFERRED")).click();
		browser.driver().findElement(By.xpath("//label[normalize-space(.)='Second']")).click();
		browser.driver().findElement(By.cssSelector("input[name=consents]")).click();
		browser.fill("department", "Department of Chemistry");
		// The standard consent is missing: told at once, before any account is asked for
		browser.click("Sign up");
		assertThat(browser.text("#consent-error")).isNotBlank();
		assertThat(browser.value("department")).isEqualTo("Department of Chemistry");
		browser.checkAccessibility();
		browser.driver().findElement(By.cssSelector("input[name=consent]")).click();
		browser.click("Sign up");
		assertThat(browser.heading()).isEqualTo("Sign in");
		assertThat(browser.text("main [role=status]")).contains("What you typed is kept in this browser.");
		browser.checkAccessibility();

		var email = TestData.uniqueEmail("newcomer");
		browser.click("Create an account");
		browser.fill("email", email);
		browser.fill("displayName", "Noor Newcomer");
		browser.fill("password", TestData.PASSWORD);
		browser.fill("passwordConfirmation", TestData.PASSWORD);
		browser.click("Create account");
		openMailTo(email);
		followLinkInMail();
		assertThat(browser.heading()).isEqualTo("E-mail verified");
		browser.click("Sign in");
		browser.fill("email", email);
		browser.fill("password", TestData.PASSWORD);
		browser.clickCss("main form button[type=submit]");

		assertThat(browser.heading()).isEqualTo("Sign up for a group");
		assertThat(browser.text("main [role=status]")).isEqualTo("Here is what you typed. Check it, then send it.");
		assertThat(browser.value("department")).isEqualTo("Department of Chemistry");
		assertThat(browser.driver().findElement(By.id("availability-TUE1615-PREFERRED")).isSelected()).isTrue();
		assertThat(browser.driver().findElement(By.cssSelector("input[name=consents]")).isSelected()).isTrue();
		browser.checkAccessibility();
		browser.click("Sign up");
		assertThat(browser.text("main [role=status]")).isEqualTo("You have a place.");
		assertThat(browser.pageText()).contains("Tuesday 16:15–18:15: Preferred", "Which year are you in?", "Second");
		browser.checkAccessibility();

		// Answers can change while the window is open; the place stays
		browser.click("Change your answers");
		assertThat(browser.heading()).isEqualTo("Change your answers");
		browser.checkAccessibility();
		browser.driver().findElement(By.xpath("//label[normalize-space(.)='Later']")).click();
		browser.click("Save answers");
		assertThat(browser.text("main p[role=status]"))
			.isEqualTo("Your answers were saved. Your place in line did not change.");
		assertThat(browser.pageText()).contains("You have a place.", "Later");
		browser.click("Sign out");

		// The next person waits
		var next = data.person("next");
		signIn(next.email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme + "/sign-up/participant");
		browser.driver().findElement(By.id("availability-TUE1615-POSSIBLE")).click();
		browser.driver().findElement(By.xpath("//label[normalize-space(.)='First']")).click();
		browser.driver().findElement(By.cssSelector("input[name=consents]")).click();
		browser.driver().findElement(By.cssSelector("input[name=consent]")).click();
		browser.click("Sign up");
		assertThat(browser.text("main p.notice[role=status] strong"))
			.contains("You are on the waiting list, in place 1.");
		browser.checkAccessibility();
	}

}
