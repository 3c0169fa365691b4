package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import app.kindred.TestData;

/**
 * An organisation admin invites a colleague by e-mail, and the colleague accepts from the
 * mailed link.
 */
class OrganisationAdminBrowserTests extends BrowserTestBase {

	@Test
	void invitesAColleagueWhoAcceptsFromTheMail() {
		var staff = data.staff();
		var colleague = data.person("colleague");
		var organisationName = "Test University " + staff.founder().email();

		signIn(staff.admin().email(), TestData.PASSWORD);
		browser.click("Organisations");
		browser.click(organisationName);
		assertThat(browser.pageText()).contains("Organisation admin");
		browser.checkAccessibility();

		browser.click("Staff");
		assertThat(browser.heading()).isEqualTo("Staff of " + organisationName);
		assertThat(browser.texts("main tbody td")).contains(staff.coordinator().email(), staff.teacher().email());
		assertThat(browser.pageText()).contains("No open invitations.");
		browser.checkAccessibility();

		// No address: told at the field
		browser.click("Send invitation");
		assertThat(browser.fieldError("email")).isNotBlank();
		browser.checkAccessibility();

		browser.fill("email", colleague.email());
		new Select(browser.driver().findElement(By.id("role"))).selectByVisibleText("Teacher");
		browser.click("Send invitation");
		assertThat(browser.text("main [role=status]")).isEqualTo("The invitation has been sent.");
		assertThat(browser.texts("main li"))
			.anySatisfy(item -> assertThat(item).startsWith(colleague.email() + " as Teacher, valid until"));
		browser.checkAccessibility();

		browser.click("Sign out");
		openMailTo(colleague.email());
		assertThat(browser.heading()).isEqualTo("Invitation to join " + organisationName + " in Kindred");

		followLinkInMail();
		assertThat(browser.heading()).isEqualTo("Invitation");
		assertThat(browser.pageText()).contains("You are invited to join " + organisationName + " as Teacher.");
		assertThat(browser.pageText())
			.contains("Sign in, or create an account with the address the invitation was sent to");
		var invitation = browser.url();
		browser.checkAccessibility();

		browser.click("Sign in");
		assertThat(browser.heading()).isEqualTo("Sign in");
		browser.checkAccessibility();
		browser.fill("email", colleague.email());
		browser.fill("password", TestData.PASSWORD);
		browser.clickCss("main form button[type=submit]");
		assertThat(browser.url()).isEqualTo(invitation);
		assertThat(browser.heading()).isEqualTo("Invitation");
		browser.checkAccessibility();

		browser.click("Accept the invitation");
		assertThat(browser.heading()).isEqualTo(organisationName);
		assertThat(browser.pageText()).contains("Your roles", "Teacher");
		browser.checkAccessibility();

		// Accepted once: the link now says so
		browser.open(invitation);
		assertThat(browser.pageText())
			.contains("This invitation has expired, has been withdrawn or has been accepted already.");
		browser.checkAccessibility();
	}

}
