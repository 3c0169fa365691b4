package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import app.kindred.TestData;
import app.kindred.demo.DemoCohort;
import app.kindred.grouping.Formations;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;

/**
 * A coordinator trains the 16 mentors of a programme with 60 participants (schedules the three trainings and records
 * who came), then forms its groups: watches the solver, moves and pins people, runs it again, publishes; a mentor and
 * a participant then see their group.
 */
class GroupFormationBrowserTests extends BrowserTestBase {

	@Autowired
	DemoCohort cohort;
	@Autowired
	Formations formations;
	@Autowired
	Accounts accounts;

	@Test
	void aCoordinatorFormsSteersAndPublishesGroups() {
		var staff = data.staff();
		var domain = "@" + UUID.randomUUID().toString().substring(0, 8) + ".cohort.test";
		var programme = cohort.seed(staff.organisation(), staff.coordinator().id(), domain, TestData.PASSWORD, false);

		signIn(staff.coordinator().email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme.value() + "/manage");
		browser.click("Training and supervision");
		var first = data.now().plus(java.time.Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.HOURS)
			.atZone(java.time.ZoneId.of("Europe/Helsinki")).toLocalDateTime();
		for (int week = 0; week < 3; week++) {
			browser.js("document.getElementById('startsAt').value = arguments[0]", first.plusWeeks(week).toString());
			browser.fill("place", "Kampus Aurora, room 101");
			browser.click("Schedule and tell the mentors");
			assertThat(browser.text("main [role=status]")).isEqualTo("The session is scheduled, and the mentors were told.");
		}
		assertThat(browser.driver().findElements(By.xpath("//main//td[normalize-space(.)='Not ready']"))).hasSize(16);
		browser.checkAccessibility();
		for (int training = 0; training < 3; training++) {
			var attendance = browser.driver().findElements(By.xpath("//main//table//a[normalize-space(.)='Attendance']"))
				.get(training);
			browser.andWaitForNewPage(attendance::click);
			// Everyone came: ticked by keyboard, as a coordinator going down the list would
			for (var box : browser.driver().findElements(By.cssSelector("main input[name=came]"))) {
				box.sendKeys(org.openqa.selenium.Keys.SPACE);
			}
			browser.click("Save attendance");
		}
		assertThat(browser.driver().findElements(By.xpath("//main//td[normalize-space(.)='Not ready']"))).isEmpty();
		assertThat(browser.driver().findElements(By.xpath("//main//td[normalize-space(.)='Ready']"))).hasSize(16);
		browser.checkAccessibility();

		browser.open("/programmes/" + programme.value() + "/manage");
		browser.click("Form groups");
		assertThat(browser.heading()).isEqualTo("Form groups");
		assertThat(browser.pageText()).contains("60 participants with a place, 16 mentors ready to lead a group");
		browser.checkAccessibility();

		browser.fill("seconds", "5");
		browser.clickCss("main form button[type=submit]");
		assertThat(browser.text("main p.notice[role=status]")).startsWith("Forming groups.");
		browser.checkAccessibility();
		// The page follows the run by itself and shows the proposal when it ends
		browser.waitUntil(d -> d.findElements(By.xpath("//h2[normalize-space(.)='Proposal']")).size() == 1);
		browser.waitForPage();
		assertThat(browser.pageText()).contains("participants placed", "Score by rule");
		browser.checkAccessibility();

		// Move someone out by hand, then pin someone else to their group
		var proposal = formations.overview(programme, staff.coordinator().id()).proposal().orElseThrow();
		var moved = proposal.result().groups().getFirst().participants().getFirst();
		var pinned = proposal.result().groups().getLast().participants().getFirst();
		new Select(browser.driver().findElement(By.id("move-person"))).selectByValue(moved.toString());
		new Select(browser.driver().findElement(By.id("move-group"))).selectByValue("none");
		browser.click("Move");
		assertThat(browser.text("main p.notice[role=status]")).isEqualTo("Moved. The proposal was checked against the rules again.");
		assertThat(browser.text("main ul:last-of-type")).contains(proposal.name(moved));
		new Select(browser.driver().findElement(By.id("pin-person"))).selectByValue(pinned.toString());
		browser.click("Pin to their group");
		assertThat(browser.pageText()).contains(proposal.name(pinned) + " (pinned)");
		browser.checkAccessibility();

		// Again, keeping the pin
		browser.fill("seconds", "5");
		browser.clickCss("main form button[type=submit]");
		browser.waitUntil(d -> d.findElements(By.xpath("//h2[normalize-space(.)='Proposal']")).size() == 1
				&& d.findElements(By.id("progress")).isEmpty());
		browser.waitForPage();
		assertThat(browser.pageText()).contains(proposal.name(pinned) + " (pinned)");

		browser.click("Publish the groups and tell everyone");
		assertThat(browser.text("main p.notice[role=status]")).isEqualTo("The groups are published, and everyone was told.");
		browser.checkAccessibility();
		browser.click("Sign out");

		// A mentor and a participant each see their group
		var published = formations.overview(programme, staff.coordinator().id()).proposal().orElseThrow().result();
		// People whose account speaks English, so the page's words can be checked as written here
		var english = (java.util.function.Function<java.util.List<UUID>, app.kindred.identity.AccountSummary>) ids -> ids.stream()
			.map(id -> accounts.find(new AccountId(id)).orElseThrow())
			.filter(a -> a.language() == app.kindred.core.Language.EN)
			.findFirst()
			.orElseThrow();
		var mentor = english.apply(published.groups().stream().flatMap(g -> g.mentors().stream()).toList());
		signIn(mentor.email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme.value() + "/my-group");
		assertThat(browser.heading()).isEqualTo("Your group");
		assertThat(browser.pageText()).contains("Every week:", "(participant)");
		browser.checkAccessibility();
		browser.click("Sign out");
		var participant = english.apply(published.groups().stream().flatMap(g -> g.participants().stream()).toList());
		signIn(participant.email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme.value() + "/my-group");
		assertThat(browser.heading()).isEqualTo("Your group");
		assertThat(browser.pageText()).contains("(mentor)").doesNotContain("(participant)");
		browser.checkAccessibility();
		openMailTo(participant.email());
		assertThat(browser.heading()).startsWith("Your group in");
	}
}
