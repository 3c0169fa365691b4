package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import app.kindred.TestData;
import app.kindred.programme.EligibilityKind;
import org.openqa.selenium.By;

/**
 * First come, first served: one student gets the last place, the next waits, the first
 * withdraws and the second is promoted and told by e-mail; the coordinator sees it all.
 */
class SignUpBrowserTests extends BrowserTestBase {

	@Test
	void theWaitingListMovesUpWhenSomeoneWithdraws() {
		var staff = data.staff();
		var programme = data
			.programme(staff, true, data.settings(1, data.now().minus(Duration.ofDays(1)), EligibilityKind.NONE, null))
			.value();
		var first = data.person("first");
		var second = data.person("second");

		signIn(first.email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme).checkAccessibility();
		browser.click("Sign up for a group");
		assertThat(browser.heading()).isEqualTo("Sign up for a group");
		browser.checkAccessibility();

		// Without the consent: told at the field, nothing stored
		browser.click("Sign up");
		assertThat(browser.text("#consent-error")).isNotBlank();
		assertThat(browser.text(".error-summary")).contains("Please correct the following:");
		browser.checkAccessibility();

		signUpWithConsent();
		assertThat(browser.heading()).isEqualTo("Your sign-up");
		assertThat(browser.text("main [role=status]")).isEqualTo("You have a place.");
		browser.checkAccessibility();
		browser.click("Sign out");

		signIn(second.email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme + "/sign-up/participant");
		signUpWithConsent();
		assertThat(browser.text("main [role=status]")).contains("You are on the waiting list, in place 1.");
		browser.checkAccessibility();
		browser.click("Sign out");

		signIn(first.email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme + "/applications/participant");
		browser.click("Withdraw");
		// Asked first, without script, saying what withdrawing means for a place
		assertThat(browser.heading()).isEqualTo("Withdraw your sign-up?");
		assertThat(browser.pageText()).contains("you give up your place");
		browser.checkAccessibility();
		browser.click("Yes, withdraw");
		assertThat(browser.pageText()).containsOnlyOnce("You have withdrawn.")
			.contains("Your place went to the next person on the waiting list.");
		browser.checkAccessibility();
		browser.open("/programmes/" + programme + "/applications/participant");
		assertThat(browser.byText("Sign up again")).isNotNull();
		browser.click("Sign out");

		signIn(second.email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme + "/applications/participant");
		assertThat(browser.text("main [role=status]")).isEqualTo("You have a place.");
		openMailTo(second.email());
		assertThat(browser.heading()).startsWith("A place came free for you");
		browser.click("Sign out");

		signIn(staff.coordinator().email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme + "/applications");
		assertThat(browser.heading()).isEqualTo("Applications and sign-ups");
		assertThat(browser.pageText()).contains(first.email(), second.email(),
				"Participants (1 with a place, 0 waiting)");
		browser.checkAccessibility();
	}

	private void signUpWithConsent() {
		browser.driver().findElement(By.cssSelector("input[name=consent]")).click();
		browser.click("Sign up");
	}

}
