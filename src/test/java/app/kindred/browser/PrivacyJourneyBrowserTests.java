package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import app.kindred.TestData;
import app.kindred.programme.EligibilityKind;
import app.kindred.sso.TestOidcProvider;

/**
 * A person's privacy, end to end in Chromium: a student signs in with her university's
 * button through a real OpenID Connect provider running in the test, reads the privacy
 * notice, signs up, downloads everything Kindred holds about her (the page, and the JSON
 * with her session), sees that a coordinator read her sign-up and asks to be erased; the
 * organisation's admin sees in the audit who read whose data, and the coordinators see
 * her request. Axe on every page, at desktop and phone width where the page is new.
 */
class PrivacyJourneyBrowserTests extends BrowserTestBase {

	static TestOidcProvider provider;

	@BeforeAll
	static void startProvider() {
		provider = TestOidcProvider.start();
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	/** Signed out at the provider too, not only in Kindred. */
	@BeforeEach
	void signedOutAtTheProvider() {
		browser.open(provider.issuer() + "/login");
		browser.driver().manage().deleteAllCookies();
		browser.reset();
	}

	@Test
	void aStudentSignsInWithHerUniversityDownloadsHerDataAndAsksToBeErasedWhileTheAdminSeesWhoReadWhat()
			throws Exception {
		var staff = data.staff();
		var organisation = staff.organisation().value();
		var programme = data
			.programme(staff, true, data.settings(10, data.now().minus(Duration.ofDays(1)), EligibilityKind.NONE, null))
			.value();

		// The admin turns on sign-in through the university
		var clientId = "kindred-privacy-" + organisation;
		provider.registerClient(clientId, "privacy-secret-7", BASE_URL + "/sign-in/oidc/" + organisation);
		signIn(staff.admin().email(), TestData.PASSWORD);
		browser.open("/organisations/" + organisation + "/sign-in");
		browser.fill("issuer", provider.issuer());
		browser.fill("clientId", clientId);
		browser.fill("clientSecret", "privacy-secret-7");
		browser.fill("nameEn", "Privacy University");
		browser.driver().findElement(By.id("enabled1")).click();
		browser.submit("Save");
		assertThat(browser.pageText()).contains("The sign-in settings were saved.");
		browser.click("Sign out");

		// The student's first sign-in makes her account from the provider's claims
		var email = TestData.uniqueEmail("pia");
		var student = new TestOidcProvider.Person("p" + UUID.randomUUID(), "provider-pass", email, true, "Pia Privacy",
				"en", Map.of());
		provider.addUser(student);
		signInWithTheUniversity(student);

		// Home shows the privacy notice once, until she has read it
		browser.open("/");
		assertThat(browser.pageText()).contains("Please read the privacy notice");
		browser.checkAtDesktopAndPhone();
		browser.click("I have read it");
		browser.open("/");
		assertThat(browser.pageText()).doesNotContain("Please read the privacy notice");

		// She signs up; the form links the organisation's privacy notice
		browser.open("/programmes/" + programme);
		browser.click("Sign up for a group");
		assertThat(browser.driver()
			.findElements(By.cssSelector("main a[href$='/organisations/" + organisation + "/privacy']"))).isNotEmpty();
		browser.driver().findElement(By.cssSelector("input[name=consent]")).click();
		browser.click("Sign up");
		assertThat(browser.text("main [role=status]")).isEqualTo("You have a place.");

		// My data: the page, and the JSON download with her own session
		browser.open("/account");
		browser.click("Download my data");
		assertThat(browser.url()).endsWith("/account/data");
		assertThat(browser.pageText()).contains(email, "Pia Privacy");
		browser.checkAtDesktopAndPhone();
		var json = download("/account/data.json");
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
		assertThat(json.body()).contains(email, "Pia Privacy", "recruitment.data.applications", "sso.data.links",
				provider.issuer());
		var pdf = download("/account/data.pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.body()).startsWith("%PDF-");
		browser.click("Sign out");

		// A coordinator reads the sign-ups, hers among them
		signIn(staff.coordinator().email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme + "/applications");
		assertThat(browser.pageText()).contains(email);
		browser.click("Sign out");

		// She sees who read her data, and asks to be erased
		signInWithTheUniversity(student);
		browser.open("/account");
		browser.click("Who read my data");
		assertThat(browser.pageText()).contains("coordinator");
		browser.checkAtDesktopAndPhone();
		browser.open("/account");
		browser.click("Erasing my account: what happens");
		assertThat(browser.pageText()).contains("Anonymous survey answers were never linked to you");
		browser.checkAtDesktopAndPhone();
		browser.submit("Ask to be erased");
		assertThat(browser.pageText()).contains("Your request is with the coordinators.");
		browser.checkAccessibility();
		browser.click("Sign out");

		// The admin sees who read whose data
		signIn(staff.admin().email(), TestData.PASSWORD);
		browser.open("/organisations/" + organisation);
		browser.click("Who read sensitive data");
		assertThat(browser.pageText()).contains("coordinator", "Pia Privacy");
		browser.checkAtDesktopAndPhone();
		browser.click("Sign out");

		// The coordinators see her request
		signIn(staff.coordinator().email(), TestData.PASSWORD);
		browser.open("/organisations/" + organisation + "/erasures");
		assertThat(browser.pageText()).contains("Pia Privacy");
		browser.checkAtDesktopAndPhone();
	}

	/**
	 * The university's button, and the provider's own login form when it asks (it does
	 * not when the browser is still signed in there).
	 */
	private void signInWithTheUniversity(TestOidcProvider.Person person) {
		browser.open("/sign-in").checkAccessibility();
		browser.click("Sign in with Privacy University");
		if (browser.url().startsWith(provider.issuer())) {
			browser.fill("username", person.username());
			browser.fill("password", person.password());
			browser.clickCss("button[type=submit]");
		}
		browser.waitUntil(d -> d.getCurrentUrl().startsWith(BASE_URL));
		browser.open("/account");
		assertThat(browser.url()).endsWith("/account");
	}

	/** A download with the browser's session, as the browser would save it. */
	private HttpResponse<String> download(String path) throws Exception {
		var session = browser.driver().manage().getCookieNamed("SESSION");
		assertThat(session).as("the browser's session cookie").isNotNull();
		var request = HttpRequest.newBuilder(URI.create(BASE_URL + path))
			.header("Cookie", "SESSION=" + session.getValue())
			.build();
		return HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.ISO_8859_1));
	}

}
