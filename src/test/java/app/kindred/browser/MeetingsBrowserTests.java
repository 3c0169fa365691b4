package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;

import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.meeting.internal.MeetingService;
import org.awaitility.Awaitility;
import org.openqa.selenium.support.ui.Select;

/**
 * Meetings from the coordinator's breaks to a member's calendar: a break told at its
 * field and then added, the groups published with their meetings, a mentor moving a
 * meeting with the keyboard, a participant reading the mail, seeing their meetings and
 * making their calendar feed. Every page is checked with axe.
 */
class MeetingsBrowserTests extends BrowserTestBase {

	@Autowired
	TestGroups testGroups;

	@Autowired
	MeetingService meetings;

	@Test
	void breaksPublishedMeetingsAMoveByKeyboardAndACalendarFeed() {
		var staff = data.staff();
		var termStart = LocalDate.now().plusDays(30);
		var programme = data.programme(staff, true, testGroups.settings(termStart, 6, 1));
		var cohort = testGroups.signUp(staff, programme,
				List.of(new TestGroups.Slot("TUE1615", TestGroups.CAMPUS), new TestGroups.Slot("THU1015", null)));
		var page = "/programmes/" + programme.value() + "/meetings";

		// Before publishing: breaks
		signIn(staff.coordinator().email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme.value() + "/manage");
		browser.click("Meetings");
		assertThat(browser.heading()).isEqualTo("Meetings");
		assertThat(browser.pageText()).contains("The meetings are planned when the groups are published.");
		browser.checkAccessibility();
		setValue("firstDay", termStart.plusDays(14).toString());
		setValue("lastDay", termStart.plusDays(7).toString());
		browser.click("Add the break");
		assertThat(browser.fieldError("lastDay")).isEqualTo("The last day cannot be before the first day.");
		assertThat(browser.value("firstDay")).isEqualTo(termStart.plusDays(14).toString());
		browser.checkAccessibility();
		setValue("lastDay", termStart.plusDays(20).toString());
		browser.click("Add the break");
		assertThat(browser.text("main [role=status]")).isEqualTo("The break is added.");
		browser.checkAccessibility();
		browser.click("Sign out");

		var groups = testGroups.publish(staff, programme);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> meetings.overview(programme, staff.coordinator().id())
				.groups()
				.stream()
				.allMatch(g -> g.meetings().size() == 6));
		var campusGroup = groups.stream().filter(g -> g.slot().equals("TUE1615")).findFirst().orElseThrow();

		// The coordinator sees every group's meetings; a place with neither campus nor
		// link is told at its field
		signIn(staff.coordinator().email(), TestData.PASSWORD);
		browser.open(page);
		assertThat(browser.pageText()).contains("Group 1", "Group 2", "Every week: Tuesday 16:15–18:15",
				"a break added now moves no meeting", "What is compassion?");
		browser.checkAccessibility();
		var changePlace = browser.driver()
			.findElement(By.cssSelector("main a[href$='/meetings/groups/" + campusGroup.id() + "']"));
		browser.andWaitForNewPage(changePlace::click);
		assertThat(browser.heading()).isEqualTo("Where group " + campusGroup.number() + " meets");
		browser.checkAccessibility();
		new Select(browser.driver().findElement(By.id("campus"))).selectByValue("");
		browser.fill("room", "B 201");
		browser.click("Save and tell the members");
		assertThat(browser.fieldError("campus")).isEqualTo("Please choose a campus, give a video link, or both.");
		assertThat(browser.fieldError("room")).isEqualTo("A room needs a campus: please choose one.");
		assertThat(browser.value("room")).isEqualTo("B 201");
		browser.checkAccessibility();
		browser.click("Sign out");

		// A mentor moves the first meeting a day later at 17:00, for 90 minutes, with the
		// keyboard
		var mentor = cohort.person(campusGroup.mentors().getFirst());
		var first = meetings.mine(programme, mentor.id()).group().meetings().getFirst();
		var newDay = LocalDateTime.ofInstant(first.startsAt(), ZoneId.of("Europe/Helsinki")).toLocalDate().plusDays(1);
		signIn(mentor.email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme.value() + "/my-group");
		browser.click("Your group's meetings");
		assertThat(browser.heading()).isEqualTo("Your group's meetings");
		browser.checkAccessibility();
		browser.clickCss("main a[href$='/meetings/" + first.id() + "']");
		assertThat(browser.heading()).isEqualTo("Meeting 1 of group " + campusGroup.number());
		browser.checkAccessibility();
		setValue("startsAt", newDay + "T17:00");
		browser.tabTo("minutes", 60);
		browser.press(Keys.chord(Keys.CONTROL, "a"), "90");
		browser.andWaitForNewPage(() -> browser.press(Keys.ENTER));
		// Asked first, with how many members will be told; confirmed by keyboard too
		int told = campusGroup.members().size();
		assertThat(browser.heading()).isEqualTo("Move meeting 1 of group " + campusGroup.number() + "?");
		assertThat(browser.pageText()).contains(told + " people will be told by e-mail", "90 minutes");
		browser.checkAccessibility();
		var confirm = browser.byText("Move the meeting and tell " + told + " people");
		for (int i = 0; i < 40 && !confirm.equals(browser.focused()); i++) {
			browser.tab();
		}
		assertThat(browser.focused()).as("the confirmation reached with Tab").isEqualTo(confirm);
		browser.andWaitForNewPage(() -> browser.press(Keys.ENTER));
		assertThat(browser.text("main [role=status]")).isEqualTo("The meeting is moved, and the members were told.");
		assertThat(browser.pageText()).contains("17:00", "90 minutes");
		browser.checkAccessibility();
		browser.click("Sign out");

		// A participant hears of it, sees the meetings with their themes, and makes a
		// calendar feed by keyboard
		var participant = cohort.person(campusGroup.members()
			.stream()
			.filter(m -> !campusGroup.mentors().contains(m.person()))
			.findFirst()
			.orElseThrow()
			.person());
		openMailTo(participant.email());
		assertThat(browser.pageText()).contains("Moved: meeting 1 of Test programme", "group-meeting.ics");
		signIn(participant.email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme.value() + "/my-meetings");
		assertThat(browser.pageText()).contains("Getting to know each other and agreeing our ground rules", "17:00",
				TestGroups.CAMPUS);
		assertThat(browser.driver().findElements(By.xpath("//main//a[normalize-space(.)='Change']"))).isEmpty();
		browser.checkAccessibility();
		browser.click("All your meetings in your own calendar");
		assertThat(browser.heading()).isEqualTo("Your calendar feed");
		browser.checkAccessibility();
		browser.tabTo("make-feed", 60);
		browser.andWaitForNewPage(() -> browser.press(Keys.ENTER));
		assertThat(browser.text("main [role=status]")).isEqualTo("Your calendar address is ready.");
		assertThat(browser.value("address")).startsWith(BASE_URL + "/calendar/feed/").endsWith(".ics");
		browser.checkAccessibility();
	}

	private void setValue(String id, String value) {
		browser.js("document.getElementById(arguments[0]).value = arguments[1]", id, value);
	}

}
