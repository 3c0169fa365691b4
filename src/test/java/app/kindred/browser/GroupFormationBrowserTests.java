package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.kindred.TestData;
import app.kindred.grouping.internal.FormationProblem;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountService;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.SignUpAnswers;
import app.kindred.training.TrainingService;
import app.kindred.demo.internal.DemoCohort;
import app.kindred.grouping.internal.FormationService;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.core.Language;
import app.kindred.identity.AccountSummary;
import app.kindred.programme.ProgrammeId;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.function.Function;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

/**
 * A coordinator trains the 16 mentors of a programme with 60 participants (schedules the
 * three trainings and records who came), then forms its groups: watches the solver, moves
 * and pins people, runs it again, publishes; a mentor and a participant then see their
 * group.
 */
class GroupFormationBrowserTests extends BrowserTestBase {

	@Autowired
	DemoCohort cohort;

	@Autowired
	FormationService formations;

	@Autowired
	Accounts accounts;

	@Autowired
	PublishedGroups publishedGroups;

	@Autowired
	AccountService accountService;

	@Autowired
	RecruitmentService recruitment;

	@Autowired
	TrainingService training;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCoordinatorFormsSteersAndPublishesGroups() {
		var staff = data.staff();
		var domain = "@" + UUID.randomUUID().toString().substring(0, 8) + ".cohort.test";
		var programme = cohort.seed(staff.organisation(), staff.coordinator().id(), domain, TestData.PASSWORD, false);

		signIn(staff.coordinator().email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme.value() + "/manage");
		browser.click("Training and supervision");
		var first = data.now()
			.plus(Duration.ofDays(3))
			.truncatedTo(ChronoUnit.HOURS)
			.atZone(ZoneId.of("Europe/Helsinki"))
			.toLocalDateTime();
		for (int week = 0; week < 3; week++) {
			browser.js("document.getElementById('startsAt').value = arguments[0]", first.plusWeeks(week).toString());
			browser.fill("place", "Kampus Aurora, room 101");
			browser.click("Schedule and tell the mentors");
			// Asked first, with how many mentors will be told
			assertThat(browser.heading()).isEqualTo("Schedule this training session?");
			browser.clickCss("main form button[type=submit]");
			assertThat(browser.text("main [role=status]"))
				.isEqualTo("The session is scheduled, and the mentors were told.");
		}
		assertThat(browser.driver().findElements(By.xpath("//main//td[normalize-space(.)='Not ready']"))).hasSize(16);
		browser.checkAccessibility();
		for (int training = 0; training < 3; training++) {
			var attendance = browser.driver()
				.findElements(By.xpath("//main//table//a[normalize-space(.)='Attendance']"))
				.get(training);
			browser.andWaitForNewPage(attendance::click);
			// Everyone came: ticked by keyboard, as a coordinator going down the list
			// would
			for (var box : browser.driver().findElements(By.cssSelector("main input[name=came]"))) {
				box.sendKeys(Keys.SPACE);
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

		browser.fill("seconds", "10");
		browser.clickCss("main form button[type=submit]");
		assertThat(browser.text("main p.notice[role=status]")).startsWith("Forming groups.");
		browser.checkAccessibility();
		// The live region shows how far the run has got, asked for every second without
		// reloading the page
		browser.waitUntil(d -> d.findElements(By.cssSelector("#progress p"))
			.stream()
			.anyMatch(p -> p.getText().matches("Placed \\d+ of 60 participants so far\\.")));
		// and a bar of the time the run was given
		browser.waitUntil(d -> d.findElements(By.cssSelector("#progress label[for=progress-bar]"))
			.stream()
			.anyMatch(l -> l.getText().matches("Time used: \\d+ of 10 seconds")));
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
		assertThat(browser.text("main p.notice[role=status]"))
			.isEqualTo("Moved. The proposal was checked against the rules again.");
		assertThat(browser.text("main ul:last-of-type")).contains(proposal.name(moved));
		// The page knows a grouping can place more than this one does now
		assertThat(browser.pageText())
			.containsPattern(
					"(A grouping can place|At most) \\d+ of the 60 participants.*this (one|grouping) places \\d+\\.")
			.containsPattern("\\d+ participants? could meet two mentors but (is|are) in no group of this grouping\\.");
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
		// Asked first, with how many people will be told
		assertThat(browser.heading()).isEqualTo("Publish the groups?");
		assertThat(browser.pageText()).containsPattern("\\d+ people will be told by e-mail");
		browser.checkAccessibility();
		browser.clickCss("main form button[type=submit]");
		assertThat(browser.text("main p.notice[role=status]"))
			.isEqualTo("The groups are published, and everyone was told.");
		browser.checkAccessibility();

		// After publishing, a mentor drops out: the group is left with one, which the
		// page warns about
		var group = publishedGroups.groups(programme)
			.stream()
			.filter(g -> g.mentors().size() == 2)
			.findFirst()
			.orElseThrow();
		var leaving = accounts.find(group.mentors().getFirst()).orElseThrow();
		new Select(browser.driver().findElement(By.id("remove-person"))).selectByValue(leaving.id().value().toString());
		browser.click("Take out of their group");
		// Asked first: the mentor and the group's other mentor are told
		assertThat(browser.heading())
			.isEqualTo("Take " + leaving.displayName() + " · " + leaving.email() + " out of their group?");
		assertThat(browser.pageText()).contains("2 people will be told by e-mail");
		browser.checkAccessibility();
		browser.click("Take out and tell 2 people");
		assertThat(browser.text("main p.notice[role=status]")).startsWith("Taken out of the group.");
		assertThat(browser.text("main .error-summary")).contains("Mentors per group");
		browser.checkAccessibility();
		// A mentor trained last term, who was in no group, replaces them
		var replacement = trainedMentorOutsideTheGroups(programme, staff.coordinator().id(), domain);
		browser.open("/programmes/" + programme.value() + "/groups");
		new Select(browser.driver().findElement(By.id("add-person"))).selectByValue(replacement.value().toString());
		new Select(browser.driver().findElement(By.id("add-group"))).selectByValue(group.id().toString());
		browser.click("Add to the group");
		// The replacement and the mentor left in the group are told
		assertThat(browser.pageText()).contains("2 people will be told by e-mail");
		browser.click("Add and tell 2 people");
		assertThat(browser.text("main p.notice[role=status]")).startsWith("Added.");
		assertThat(browser.driver().findElements(By.cssSelector("main .error-summary"))).isEmpty();
		assertThat(browser.pageText()).contains(
				"took " + leaving.displayName() + " · " + leaving.email() + " (mentor) out of group " + group.number(),
				"added Vera Varamentori · vera" + domain + " (mentor) to group " + group.number());
		browser.checkAccessibility();
		// At 390 px the pickers' labels and the addresses under each name wrap instead of
		// widening the page
		var wide = browser.driver().manage().window().getSize();
		browser.driver().manage().window().setSize(new Dimension(390, 844));
		try {
			browser.open("/programmes/" + programme.value() + "/groups");
			// The page's content (wide tables scroll in their own labelled regions) fits
			// the width of the window
			assertThat(((Number) browser.js("""
					var main = document.querySelector('main');
					return [...main.querySelectorAll('*')].filter(e => !e.closest('.table-scroll'))
					  .filter(e => e.getBoundingClientRect().right > main.getBoundingClientRect().right + 1).length"""))
				.intValue()).isZero();
			assertThat(browser.driver()
				.findElements(By.cssSelector("main .table-scroll[role=region][tabindex='0'][aria-label]")))
				.isNotEmpty();
			browser.checkAccessibility();
		}
		finally {
			browser.driver().manage().window().setSize(wide);
		}
		browser.click("Sign out");

		// A mentor and a participant each see their group, as it is after the change
		var members = (Function<RecruitmentRole, List<UUID>>) role -> publishedGroups.groups(programme)
			.stream()
			.flatMap(g -> g.members().stream())
			.filter(m -> m.role() == role)
			.map(m -> m.person().value())
			.toList();
		// People whose account speaks English, so the page's words can be checked as
		// written here
		var english = (Function<List<UUID>, AccountSummary>) ids -> ids.stream()
			.map(id -> accounts.find(new AccountId(id)).orElseThrow())
			.filter(a -> a.language() == Language.EN)
			.findFirst()
			.orElseThrow();
		var mentor = english.apply(members.apply(RecruitmentRole.MENTOR));
		signIn(mentor.email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme.value() + "/my-group");
		assertThat(browser.heading()).isEqualTo("Your group");
		assertThat(browser.pageText()).contains("Every week:", "(participant)");
		browser.checkAccessibility();
		browser.click("Sign out");
		var participant = english.apply(members.apply(RecruitmentRole.PARTICIPANT));
		signIn(participant.email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme.value() + "/my-group");
		assertThat(browser.heading()).isEqualTo("Your group");
		assertThat(browser.pageText()).contains("(mentor)").doesNotContain("(participant)");
		browser.checkAccessibility();
		openMailTo(participant.email());
		assertThat(browser.heading()).startsWith("Your group in");
	}

	/**
	 * One more mentor, given a seat and marked ready by the coordinator, who can lead any
	 * of the cohort's groups.
	 */
	private AccountId trainedMentorOutsideTheGroups(ProgrammeId programme, AccountId coordinator, String domain) {
		jdbc.sql("update seat_pool set capacity = capacity + 1 where programme_id = ? and role = 'MENTOR'")
			.param(programme.value())
			.update();
		var mentor = accountService.registerVerified("vera" + domain, "Vera Varamentori", TestData.PASSWORD,
				Language.EN);
		var everySlot = new HashMap<String, Call.Availability>();
		for (var slot : List.of("MON1615", "TUE1215", "WED1615", "THU1015")) {
			everySlot.put(slot, Call.Availability.POSSIBLE);
		}
		recruitment.signUp(recruitment.programme(programme), RecruitmentRole.MENTOR, mentor,
				new SignUpAnswers(EnumSet.of(Language.EN, Language.FI), SignUpAnswers.Delivery.EITHER, null,
						"To step in.", "I led a group last term.", false,
						new SignUpAnswers.Details(List.of("Kampus Aurora", "Kampus Borealis"), everySlot, false, null,
								null, Map.of(), List.of())));
		training.override(programme, mentor, true, "Trained last term", coordinator);
		return mentor;
	}

}
