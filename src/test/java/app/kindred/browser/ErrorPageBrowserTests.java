package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.kindred.TestData;

/**
 * A page that does not exist answers in the reader's language, without any technical
 * detail.
 */
class ErrorPageBrowserTests extends BrowserTestBase {

	@Test
	void anUnknownOrganisationIsNotFoundInFinnish() {
		var person = data.person("lost");
		signIn(person.email(), TestData.PASSWORD);
		switchLanguage("Suomi", "fi");

		browser.open("/organisations/" + UUID.randomUUID());
		assertThat(browser.lang()).isEqualTo("fi");
		assertThat(browser.heading()).isEqualTo("Sivua ei löytynyt");
		assertThat(browser.pageText()).contains("Sivua ei ole olemassa, tai sinulla ei ole pääsyä sille.");
		assertNoTechnicalDetail();
		browser.checkAccessibility();

		// Signed in, the front page is their Home
		browser.click("Siirry etusivulle");
		assertThat(browser.heading()).isEqualTo("Etusivu");
	}

	@Test
	void malformedAndUnknownAddressesAreNotFoundInSwedish() {
		var person = data.person("astray");
		signIn(person.email(), TestData.PASSWORD);
		switchLanguage("Svenska", "sv");

		for (var path : new String[] { "/organisations/not-an-id", "/no-such-page" }) {
			browser.open(path);
			assertThat(browser.lang()).as(path).isEqualTo("sv");
			assertThat(browser.heading()).as(path).isEqualTo("Sidan hittades inte");
			assertNoTechnicalDetail();
			browser.checkAccessibility();
		}
	}

	private void assertNoTechnicalDetail() {
		var source = browser.driver().getPageSource();
		assertThat(source).doesNotContain("Exception", "at app.kindred", "at org.springframework", "Whitelabel",
				"trace", "NotFound");
	}

}
