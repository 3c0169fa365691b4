package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import app.kindred.TestData;
import app.kindred.core.Language;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.SignUpAnswers;

/**
 * A coordinator schedules the trainings, the mentors hear of them with a calendar file
 * and say when they cannot come, the coordinator records who came and decides readiness.
 */
class TrainingBrowserTests extends BrowserTestBase {

	@Autowired
	RecruitmentService recruitment;

	@Test
	void aCoordinatorSchedulesTrainingsRecordsAttendanceAndDecidesReadiness() {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var mira = data.person("mira");
		var mats = data.person("mats");
		for (var mentor : new TestData.Person[] { mira, mats }) {
			recruitment.signUp(recruitment.programme(programme), RecruitmentRole.MENTOR, mentor.id(),
					new SignUpAnswers(EnumSet.of(Language.EN), SignUpAnswers.Delivery.REMOTE, null, "To learn.", null,
							false, SignUpAnswers.Details.NONE));
		}
		var starts = data.now()
			.plus(Duration.ofDays(14))
			.truncatedTo(ChronoUnit.HOURS)
			.atZone(ZoneId.of("Europe/Helsinki"))
			.toLocalDateTime();

		signIn(staff.coordinator().email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme.value() + "/manage");
		browser.click("Training and supervision");
		assertThat(browser.heading()).isEqualTo("Training and supervision");
		browser.checkAccessibility();

		// No place and no link: told at the field
		browser.js("document.getElementById('startsAt').value = arguments[0]", starts.toString());
		browser.click("Schedule and tell the mentors");
		assertThat(browser.text("#place-error")).isEqualTo("Please give a place, a video link, or both.");
		browser.checkAccessibility();
		browser.fill("place", "Main building, room 12");
		browser.click("Schedule and tell the mentors");
		// Asked first, with how many mentors will be told
		assertThat(browser.heading()).isEqualTo("Schedule this training session?");
		assertThat(browser.pageText()).contains("2 people will be told by e-mail: every accepted mentor",
				"Main building, room 12");
		browser.checkAccessibility();
		browser.click("Schedule and tell 2 people");
		assertThat(browser.text("main [role=status]"))
			.isEqualTo("The session is scheduled, and the mentors were told.");
		new Select(browser.driver().findElement(By.id("kind"))).selectByVisibleText("Make-up training");
		browser.js("document.getElementById('startsAt').value = arguments[0]", starts.plusDays(7).toString());
		browser.fill("videoLink", "https://video.example/makeup");
		browser.click("Schedule and tell the mentors");
		browser.click("Schedule and tell 2 people");
		assertThat(browser.pageText()).contains("Make-up training", "https://video.example/makeup");
		browser.checkAccessibility();
		browser.click("Sign out");

		// Mats hears of it and says he cannot come to the first one
		openMailTo(mats.email());
		assertThat(browser.pageText()).contains("session.ics");
		signIn(mats.email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme.value() + "/applications/mentor");
		browser.click("Your trainings and supervision");
		assertThat(browser.heading()).isEqualTo("Your trainings and supervision");
		browser.checkAccessibility();
		browser.clickCss("main li:first-child form button");
		assertThat(browser.text("main [role=status]")).isEqualTo("Thank you for telling us in advance.");
		assertThat(browser.pageText()).contains("You said you cannot come.");
		browser.checkAccessibility();
		browser.click("Sign out");

		// The coordinator records attendance: Mira came to both, Mats to the make-up only
		signIn(staff.coordinator().email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme.value() + "/training");
		var first = browser.driver()
			.findElements(By.xpath("//main//table//a[normalize-space(.)='Attendance']"))
			.getFirst();
		browser.andWaitForNewPage(first::click);
		assertThat(browser.heading()).isEqualTo("Attendance");
		assertThat(browser.pageText()).contains("(said they cannot come)");
		browser.checkAccessibility();
		browser.driver().findElement(By.id("came-" + mira.id().value())).click();
		browser.click("Save attendance");
		var second = browser.driver()
			.findElements(By.xpath("//main//table//a[normalize-space(.)='Attendance']"))
			.get(1);
		browser.andWaitForNewPage(second::click);
		browser.driver().findElement(By.id("came-" + mira.id().value())).click();
		browser.driver().findElement(By.id("came-" + mats.id().value())).click();
		browser.click("Save attendance");

		// Two trainings needed: Mira is ready, Mats is not until the coordinator decides
		// so, with a reason
		browser.fill("minimum", "2");
		browser.click("Save");
		assertThat(browser.driver()
			.findElement(By.xpath("//tr[td/span[normalize-space(.)='" + name(mats) + "']]"))
			.getText()).contains("1 of 2", "Not ready");
		new Select(browser.driver().findElement(By.id("decision-" + mats.id().value()))).selectByVisibleText("Ready");
		browser.fill("reason-" + mats.id().value(), "Led groups last term");
		var decide = browser.driver()
			.findElement(By.xpath("//tr[td/span[normalize-space(.)='" + name(mats) + "']]//button"));
		browser.andWaitForNewPage(decide::click);
		assertThat(browser.driver()
			.findElement(By.xpath("//tr[td/span[normalize-space(.)='" + name(mats) + "']]"))
			.getText()).contains("Ready", "(decided by hand: Led groups last term)");
		browser.checkAccessibility();
	}

	/** The display name TestData gives a person. */
	private static String name(TestData.Person person) {
		return person.email().substring(0, person.email().indexOf('-'));
	}

}
