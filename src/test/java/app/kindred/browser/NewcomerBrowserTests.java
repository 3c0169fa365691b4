package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import app.kindred.TestData;

/**
 * Someone new creates an account, verifies it through the mailed link, signs in and reads
 * Kindred in their language.
 */
class NewcomerBrowserTests extends BrowserTestBase {

	@Test
	void createsAnAccountVerifiesItSignsInAndSwitchesLanguage() {
		// A student's address, not the test.example of the staff who may set up
		// organisations
		var email = TestData.uniqueEmail("newcomer").replace("@test.example", "@student.example");

		browser.open("/").checkAccessibility();
		assertThat(browser.lang()).isEqualTo("en");
		assertThat(browser.heading()).isEqualTo("Compassion mentoring in peer groups");

		browser.click("Create an account");
		assertThat(browser.heading()).isEqualTo("Create an account");
		browser.checkAccessibility();

		// Sent empty: every required field says what is wrong, and a summary at the top
		// lists it all
		browser.click("Create account");
		assertThat(browser.heading()).isEqualTo("Create an account");
		assertThat(browser.text(".error-summary")).contains("Please correct the following:");
		assertThat(browser.fieldError("email")).isNotBlank();
		assertThat(browser.fieldError("displayName")).isNotBlank();
		assertThat(browser.fieldError("password")).isNotBlank();
		assertThat(browser.fieldError("passwordConfirmation")).isNotBlank();
		browser.checkAccessibility();

		browser.fill("email", email);
		browser.fill("displayName", "Nora Newcomer");
		browser.fill("password", TestData.PASSWORD);
		browser.fill("passwordConfirmation", TestData.PASSWORD);
		browser.click("Create account");
		assertThat(browser.heading()).isEqualTo("Check your e-mail");
		assertThat(browser.pageText()).contains("We sent a mail to " + email);
		browser.checkAccessibility();

		browser.click("Open the development mailbox");
		assertThat(browser.heading()).isEqualTo("Development mailbox");
		openMailTo(email);
		assertThat(browser.heading()).isEqualTo("Verify your e-mail address for Kindred");
		assertThat(browser.text(".mail-body")).contains("Hello Nora Newcomer");

		followLinkInMail();
		assertThat(browser.heading()).isEqualTo("E-mail verified");
		assertThat(browser.pageText()).contains("You can now sign in.");
		browser.checkAccessibility();

		// A wrong password once: told so, with the address kept
		browser.click("Sign in");
		assertThat(browser.heading()).isEqualTo("Sign in");
		browser.checkAccessibility();
		browser.fill("email", email);
		browser.fill("password", "not the password");
		browser.clickCss("main form button[type=submit]");
		assertThat(browser.heading()).isEqualTo("Sign in");
		assertThat(browser.text("[role=alert]")).isEqualTo("The e-mail address or password is not right.");
		assertThat(browser.value("email")).isEqualTo(email);
		assertThat(browser.value("password")).isEmpty();
		browser.checkAccessibility();

		// Signed in, they land on their Home, still empty, and the menu holds what a
		// student
		// needs
		browser.fill("password", TestData.PASSWORD);
		browser.clickCss("main form button[type=submit]");
		assertThat(browser.url()).isEqualTo(BASE_URL + "/");
		assertThat(browser.heading()).isEqualTo("Home");
		assertThat(browser.pageText()).contains("You are not part of any programme yet.");
		assertThat(browser.texts(".site-nav a, .site-nav button")).containsExactly("Home", "Programmes", "Calendar",
				"Your account", "Sign out");
		browser.checkAccessibility();

		switchLanguage("Suomi", "fi");
		assertThat(browser.heading()).isEqualTo("Etusivu");
		assertThat(browser.texts(".site-nav a, .site-nav button")).containsExactly("Etusivu", "Ohjelmat", "Kalenteri",
				"Oma tili", "Kirjaudu ulos");
		assertThat(browser.driver().findElement(By.cssSelector(".skip-link")).getDomProperty("textContent"))
			.isEqualTo("Siirry sisältöön");

		switchLanguage("Svenska", "sv");
		assertThat(browser.heading()).isEqualTo("Hem");
		assertThat(browser.texts(".site-nav a, .site-nav button")).containsExactly("Hem", "Program", "Kalender",
				"Ditt konto", "Logga ut");

		// The choice is kept with the account: another page, without ?lang, is still in
		// Swedish
		browser.click("Ditt konto");
		assertThat(browser.lang()).isEqualTo("sv");
		assertThat(browser.heading()).isEqualTo("Ditt konto");
		browser.checkAccessibility();
	}

}
