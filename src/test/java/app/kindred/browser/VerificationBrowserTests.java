package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.kindred.certificate.VerifiableCertificates;

/**
 * The public verification page as a stranger's browser shows it: valid HTML, axe at a
 * desktop's and a phone's width without sideways scrolling, and the language switch to
 * Finnish and Swedish, for a certificate found and for a code that finds nothing. Few
 * lookups on purpose: every one counts against this machine's address.
 */
class VerificationBrowserTests extends BrowserTestBase {

	@Autowired
	VerifiableCertificates certificates;

	@Test
	void aCertificateIsShownInEveryLanguageAndAtAPhonesWidth() {
		var issuer = certificates.issuer();
		var certificate = certificates.course(issuer);

		browser.open("/verify/" + certificate.displayCode()).checkHtml().checkAtDesktopAndPhone();
		assertThat(browser.heading()).isEqualTo("Certificate verification");
		assertThat(browser.pageText()).contains(issuer.holderName(), "It is genuine and valid.", "SZ00CM31");

		switchLanguage("Suomi", "fi");
		browser.checkPhone();
		assertThat(browser.heading()).isEqualTo("Todistuksen tarkistus");
		assertThat(browser.pageText()).contains("Myötätuntomentorointi", "Todistus opintojakson suorittamisesta");

		switchLanguage("Svenska", "sv");
		browser.checkPhone();
		assertThat(browser.heading()).isEqualTo("Verifiering av intyg");
		assertThat(browser.pageText()).contains("Intyg över avlagd kurs", issuer.holderName());
	}

	@Test
	void aCodeThatFindsNothingIsNotFoundInTheReadersLanguage() {
		browser.open("/verify/" + VerifiableCertificates.code()).checkAtDesktopAndPhone();
		assertThat(browser.heading()).isEqualTo("Certificate not found");
		assertThat(HtmlChecker.shared().errors((String) browser.served().get("body"))).isEmpty();

		switchLanguage("Suomi", "fi");
		browser.checkPhone();
		assertThat(browser.heading()).isEqualTo("Todistusta ei löytynyt");
	}

}
