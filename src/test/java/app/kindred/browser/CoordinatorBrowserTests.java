package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import app.kindred.TestData;
import org.openqa.selenium.WebElement;

/**
 * A coordinator working in Finnish creates a programme, publishes it, and sees it as the
 * public will.
 */
class CoordinatorBrowserTests extends BrowserTestBase {

	@Test
	void createsAndPublishesAFinnishProgramme() {
		var staff = data.staff();
		var organisationName = "Test University " + staff.founder().email();
		var name = "Myötätuntoryhmät syksyllä " + UUID.randomUUID().toString().substring(0, 6);
		var description = "Pienryhmissä harjoitellaan myötätuntoa kuuden tapaamisen ajan.";

		signIn(staff.coordinator().email(), TestData.PASSWORD);
		switchLanguage("Suomi", "fi");

		browser.click("Organisaatiot");
		assertThat(browser.heading()).isEqualTo("Omat organisaatiot");
		browser.checkAccessibility();

		browser.click(organisationName);
		assertThat(browser.heading()).isEqualTo(organisationName);
		assertThat(browser.pageText()).contains("Koordinaattori");
		browser.checkAccessibility();

		browser.click("Ohjelmat");
		assertThat(browser.heading()).isEqualTo("Organisaation " + organisationName + " ohjelmat");
		assertThat(browser.pageText()).contains("Ei vielä ohjelmia.");
		browser.checkAccessibility();

		browser.click("Uusi ohjelma");
		assertThat(browser.heading()).isEqualTo("Uusi ohjelma organisaatiolle " + organisationName);
		assertThat(languageBox("FI").isSelected()).as("Finnish ticked as a group language").isTrue();
		browser.checkAccessibility();

		// Smallest group larger than the largest: told at that field, with what was typed
		// kept
		browser.fill("nameFi", name);
		browser.fill("descriptionFi", description);
		browser.fill("groupMax", "10");
		browser.fill("groupMin", "12");
		browser.click("Luo ohjelma");
		assertThat(browser.heading()).isEqualTo("Uusi ohjelma organisaatiolle " + organisationName);
		assertThat(browser.fieldError("groupMin"))
			.isEqualTo("Pienin ryhmäkoko ei voi olla suurempi kuin suurin ryhmäkoko.");
		assertThat(browser.text(".error-summary")).contains("Korjaa seuraavat kohdat:");
		// The summary has the focus, so the keyboard and the screen reader start at it
		assertThat(browser.focused().getDomAttribute("class")).contains("error-summary");
		assertThat(browser.value("nameFi")).isEqualTo(name);
		assertThat(browser.value("descriptionFi")).isEqualTo(description);
		assertThat(browser.value("groupMin")).isEqualTo("12");
		assertThat(languageBox("FI").isSelected()).isTrue();
		browser.checkAccessibility();

		browser.fill("groupMin", "4");
		browser.click("Luo ohjelma");
		assertThat(browser.heading()).isEqualTo(name);
		assertThat(browser.text("main .status")).isEqualTo("Luonnos");
		browser.checkAccessibility();

		browser.click("Julkaise");
		assertThat(browser.text("main [role=status]")).isEqualTo("Ohjelma on julkaistu.");
		assertThat(browser.text("main .status")).isEqualTo("Julkaistu");
		browser.checkAccessibility();

		browser.click("Avaa julkinen sivu");
		var publicPage = browser.url();
		assertThat(browser.heading()).isEqualTo(name);
		assertThat(browser.pageText()).contains(description, organisationName);
		assertThat(browser.lang()).isEqualTo("fi");
		browser.checkAccessibility();

		browser.click("Kirjaudu ulos");
		assertThat(browser.texts(".site-nav a, .site-nav button")).contains("Kirjaudu sisään", "Luo tili");
		assertThat(browser.texts("main .card h3")).contains(name);
		browser.checkAccessibility();

		browser.open(publicPage);
		assertThat(browser.heading()).isEqualTo(name);
		assertThat(browser.pageText()).contains(description);
		browser.checkAccessibility();
	}

	private WebElement languageBox(String language) {
		return browser.driver().findElement(By.cssSelector("input[name=groupLanguages][value=" + language + "]"));
	}

}
