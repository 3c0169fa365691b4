package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import app.kindred.TestData;
import app.kindred.sso.TestOidcProvider;

/**
 * Signing in with the university's button in Chromium, through a real OpenID Connect
 * provider running in the test ({@link TestOidcProvider}): the admin sets it up on the
 * organisation's page, the sign-in page offers it, the provider's login form leads back
 * signed in; axe on Kindred's pages at desktop and phone width.
 */
class SingleSignOnBrowserTests extends BrowserTestBase {

	static TestOidcProvider provider;

	@BeforeAll
	static void startProvider() {
		provider = TestOidcProvider.start();
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	/**
	 * Signed out at the provider too: reset() clears only Kindred's cookies, and the
	 * provider would otherwise sign the last test's person in without asking.
	 */
	@BeforeEach
	void signedOutAtTheProvider() {
		browser.open(provider.issuer() + "/login");
		browser.driver().manage().deleteAllCookies();
		browser.reset();
	}

	@Test
	void theAdminSetsUpTheUniversitysSignInAndAStudentSignsInWithIt() {
		var staff = data.staff();
		var organisation = staff.organisation().value();
		var clientId = "kindred-browser-" + organisation;
		provider.registerClient(clientId, "browser-secret-42", BASE_URL + "/sign-in/oidc/" + organisation);

		signIn(staff.admin().email(), TestData.PASSWORD);
		browser.open("/organisations/" + organisation);
		browser.click("Sign-in through the university");
		browser.checkAtDesktopAndPhone();
		browser.fill("issuer", provider.issuer());
		browser.fill("clientId", clientId);
		browser.fill("clientSecret", "browser-secret-42");
		browser.fill("nameEn", "Browser University");
		browser.driver().findElement(By.id("enabled1")).click();
		browser.submit("Save");
		assertThat(browser.pageText()).contains("The sign-in settings were saved.").doesNotContain("browser-secret-42");
		browser.checkAccessibility();

		browser.reset();
		var student = new TestOidcProvider.Person("s" + UUID.randomUUID(), "provider-pass",
				TestData.uniqueEmail("student"), true, "Sanna Student", "fi", Map.of());
		provider.addUser(student);
		browser.open("/sign-in").checkAtDesktopAndPhone();
		browser.click("Sign in with Browser University");
		// The provider's own login form
		assertThat(browser.url()).startsWith(provider.issuer());
		browser.fill("username", student.username());
		browser.fill("password", student.password());
		browser.clickCss("button[type=submit]");
		browser.waitUntil(d -> d.getCurrentUrl().startsWith(BASE_URL));
		browser.open("/account");
		assertThat(browser.url()).endsWith("/account");
		assertThat(browser.lang()).isEqualTo("fi");
		browser.checkAccessibility();
	}

	@Test
	void someoneWithAnAccountAlreadyIsAskedToProveIt() {
		var staff = data.staff();
		var organisation = staff.organisation().value();
		var clientId = "kindred-browser-link-" + organisation;
		provider.registerClient(clientId, "browser-secret-43", BASE_URL + "/sign-in/oidc/" + organisation);
		signIn(staff.admin().email(), TestData.PASSWORD);
		browser.open("/organisations/" + organisation + "/sign-in");
		browser.fill("issuer", provider.issuer());
		browser.fill("clientId", clientId);
		browser.fill("clientSecret", "browser-secret-43");
		browser.fill("nameEn", "Linking University");
		browser.driver().findElement(By.id("enabled1")).click();
		browser.submit("Save");

		browser.reset();
		var owner = data.person("owner");
		var person = new TestOidcProvider.Person("o" + UUID.randomUUID(), "provider-pass", owner.email(), true, "Owner",
				"en", Map.of());
		provider.addUser(person);
		browser.open("/sign-in");
		browser.click("Sign in with Linking University");
		browser.fill("username", person.username());
		browser.fill("password", person.password());
		browser.clickCss("button[type=submit]");
		browser.waitUntil(d -> d.getCurrentUrl().startsWith(BASE_URL + "/sign-in/link"));
		assertThat(browser.heading()).isEqualTo("Is this account yours?");
		browser.checkAtDesktopAndPhone();
		browser.fill("password", TestData.PASSWORD);
		browser.submit("Confirm and sign in");
		browser.open("/account");
		assertThat(browser.url()).endsWith("/account");
	}

}
