package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import app.kindred.TestData;

/**
 * A coordinator copies Kindred's default plan, rewrites a meeting's Finnish theme,
 * publishes the copy and picks it for a programme; every page on the way is checked with
 * axe.
 */
class SessionPlanBrowserTests extends BrowserTestBase {

	@Test
	void aCoordinatorCopiesTheDefaultPlanEditsAFinnishThemePublishesItAndPicksItForAProgramme() {
		var staff = data.staff();
		var programme = data.programme(staff, false);
		var newTheme = "Tutustutaan toisiimme ja sovitaan yhteiset pelisäännöt";

		signIn(staff.coordinator().email(), TestData.PASSWORD);
		browser.open("/organisations/" + staff.organisation().value());
		browser.click("Session plans");
		assertThat(browser.heading()).isEqualTo("Session plans");
		assertThat(browser.pageText()).contains("Kindred compassion plan, six meetings",
				"Your organisation has no plans of its own yet.");
		browser.checkAccessibility();

		browser.click("Copy to edit");
		assertThat(browser.text("main [role=status]"))
			.isEqualTo("The plan was copied. Edit its meetings, then publish it.");
		assertThat(browser.pageText()).contains("Meetings in the draft of version 1", "120");
		browser.checkAccessibility();

		// The Finnish texts, while the page stays in English
		browser.click("Suomi");
		assertThat(browser.pageText()).contains("Itsemyötätunto ja sisäinen kriitikko");
		browser.checkAccessibility();

		browser.click("Edit meeting 1");
		assertThat(browser.heading()).isEqualTo("Edit meeting 1");
		assertThat(browser.pageText()).contains("The outline takes 120 minutes in all.");
		browser.checkAccessibility();

		// A line without minutes is refused at its field; what was typed stays
		browser.fill("themeFi", newTheme);
		browser.fill("outlineFi", "15 Tervetuloa\nEsittäytymiskierros");
		browser.click("Save to the draft");
		assertThat(browser.fieldError("outlineFi"))
			.isEqualTo("Line 2 does not start with the minutes. Write for example \"10 Opening round\".");
		assertThat(browser.value("themeFi")).isEqualTo(newTheme);
		browser.checkAccessibility();
		browser.fill("outlineFi",
				"15 Tervetuloa\n25 Esittäytymiskierros\n30 Pelisäännöt\n10 Tauko\n25 Parityö\n15 Loppukierros");
		browser.click("Save to the draft");
		assertThat(browser.text("main [role=status]")).isEqualTo("Saved in the draft. Publish it when it is ready.");

		browser.click("Publish version 1");
		assertThat(browser.text("main [role=status]")).isEqualTo("Published. Programmes can now use this version.");
		assertThat(browser.pageText()).contains("Meetings in version 1");
		browser.checkAccessibility();

		// The programme uses Kindred's plan until the coordinator picks the copy
		browser.open("/programmes/" + programme.value() + "/manage");
		browser.click("Session plan");
		assertThat(browser.heading()).isEqualTo("Session plan");
		assertThat(browser.pageText()).contains("the plan every programme uses until its coordinator picks one");
		browser.checkAccessibility();
		var versions = new Select(browser.driver().findElement(By.id("version")));
		versions.getOptions()
			.stream()
			.filter(o -> o.getText().startsWith("Your organisation:"))
			.findFirst()
			.orElseThrow()
			.click();
		browser.click("Use this version");
		assertThat(browser.text("main [role=status]")).isEqualTo("The programme now uses this version.");
		assertThat(browser.pageText())
			.contains("This programme uses Kindred compassion plan, six meetings, version 1.");
		browser.click("Suomi");
		assertThat(browser.pageText()).contains(newTheme);
		browser.checkAccessibility();
	}

}
