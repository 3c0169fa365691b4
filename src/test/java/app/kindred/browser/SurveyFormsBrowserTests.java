package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import app.kindred.TestData;

/**
 * A coordinator finds the survey forms from the organisation's page, previews Kindred's
 * self-compassion measure and participant feedback, copies the feedback, renames it,
 * rewrites a question and adds a choice question (a mistake told at its field first); axe
 * on every page, at a phone's width too, and the preview in Finnish.
 */
class SurveyFormsBrowserTests extends BrowserTestBase {

	@Test
	void aCoordinatorPreviewsCopiesAndEditsTheParticipantFeedback() {
		var staff = data.staff();
		signIn(staff.coordinator().email(), TestData.PASSWORD);
		browser.click("Organisations");
		browser.click("Test University " + staff.founder().email());
		browser.click("Survey forms");
		assertThat(browser.heading()).isEqualTo("Survey forms");
		assertThat(browser.pageText()).contains("Kindred self-compassion check-in",
				"No: Kindred's own measure, not a validated instrument");
		// only admins import
		assertThat(browser.driver().findElements(By.id("file"))).isEmpty();
		browser.checkAtDesktopAndPhone();

		browser.click("Kindred self-compassion check-in");
		assertThat(browser.heading()).isEqualTo("Preview: Kindred self-compassion check-in");
		assertThat(browser.pageText()).contains("The mean of 10 items, 5 of them reverse-scored",
				"I feel guilty when I rest.");
		browser.checkAtDesktopAndPhone();
		switchLanguage("Suomi", "fi");
		assertThat(browser.pageText()).contains("Tunnen syyllisyyttä, kun lepään.", "Lähes aina");
		browser.checkAtDesktopAndPhone();
		switchLanguage("English", "en");

		browser.click("Survey forms");
		browser.click("Participant feedback");
		assertThat(browser.pageText()).contains("What would you tell a friend about the group?",
				"You may quote this answer");
		browser.checkAtDesktopAndPhone();

		browser.click("Make a copy");
		assertThat(browser.heading()).isEqualTo("Edit: Participant feedback");
		assertThat(browser.text("main [role=status]")).isEqualTo("The copy was made. Edit it below.");
		browser.checkAtDesktopAndPhone();
		browser.fill("title[EN]", "Feedback on our groups");
		browser.click("Save title and introduction");
		assertThat(browser.heading()).isEqualTo("Edit: Feedback on our groups");

		browser.clickCss("a[aria-label='Edit the question: Taking part in the group strengthened my wellbeing.']");
		assertThat(browser.heading()).isEqualTo("Edit a question");
		browser.checkAtDesktopAndPhone();
		browser.fill("text[EN]", "The group did me good.");
		browser.click("Save the question");
		assertThat(browser.text("main [role=status]")).isEqualTo("The question was saved.");
		assertThat(browser.texts("main ol h3")).contains("The group did me good.");

		browser.click("Add a question");
		assertThat(browser.heading()).isEqualTo("New question");
		new Select(browser.driver().findElement(By.id("type"))).selectByVisibleText("Choice of one");
		browser.fill("text[EN]", "Which year are you in?");
		browser.fill("text[FI]", "Monennenko vuoden opiskelija olet?");
		browser.fill("text[SV]", "Vilket år studerar du?");
		browser.fill("options[EN]", "First\nLater");
		browser.fill("options[FI]", "Ensimmäisen\nMyöhemmän");
		browser.fill("options[SV]", "Första");
		browser.click("Save the question");
		assertThat(browser.text("#options-SV-error")).isEqualTo("Give 2 to 20 options, one per line.");
		assertThat(browser.driver().findElement(By.id("options[SV]")).getDomAttribute("aria-invalid"))
			.isEqualTo("true");
		browser.checkAtDesktopAndPhone();
		browser.fill("options[SV]", "Första\nSenare");
		browser.click("Save the question");
		assertThat(browser.texts("main ol h3")).last().isEqualTo("Which year are you in?");
		browser.checkAtDesktopAndPhone();

		browser.click("Preview");
		assertThat(browser.pageText()).contains("Which year are you in?", "Later");
		browser.checkAtDesktopAndPhone();
	}

}
