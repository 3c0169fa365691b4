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
import app.kindred.identity.Accounts;
import app.kindred.meeting.internal.MeetingService;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * A group from publishing to its sixth meeting, in a term that began four weeks before
 * yesterday, so that five meetings have been held and the sixth is to come: the mentor
 * finds the plans in the workspace, takes attendance by keyboard, writes a debrief (a
 * participant's name refused at its field), plans and moves the sixth meeting, and asks
 * for staff attention; the participant reads of the move and sees the change; the
 * coordinator gets a mail without details, follows it to the workspace, sees the progress
 * view and resolves the request. Every page is checked with axe.
 */
class WorkspaceBrowserTests extends BrowserTestBase {

	static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	@Autowired
	TestGroups testGroups;

	@Autowired
	MeetingService meetings;

	@Autowired
	Accounts accounts;

	@Test
	void aGroupFromPublishedToItsSixthMeeting() {
		var staff = data.staff();
		var yesterday = LocalDate.now(HELSINKI).minusDays(1);
		var slot = yesterday.getDayOfWeek().name().substring(0, 3) + "1015";
		var programme = data.programme(staff, true, testGroups.settings(yesterday.minusWeeks(4), 6, 1));
		var cohort = testGroups.signUp(staff, programme, List.of(new TestGroups.Slot(slot, null)));
		var group = testGroups.publish(staff, programme).getFirst();
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> meetings.overview(programme, staff.coordinator().id())
				.groups()
				.getFirst()
				.meetings()
				.size() == 6);
		var mentor = cohort.person(group.mentors().getFirst());
		var participants = group.members()
			.stream()
			.filter(m -> !group.mentors().contains(m.person()))
			.map(m -> cohort.person(m.person()))
			.toList();
		var all = meetings.mine(programme, mentor.id()).group().meetings();
		var workspace = "/programmes/" + programme.value() + "/groups/" + group.id() + "/workspace";
		var note = "One participant seems to be struggling; could we talk before the last meeting?";

		// The mentor finds the workspace from their group's meetings: the sixth meeting's
		// full plan is open
		signIn(mentor.email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme.value() + "/my-group");
		browser.click("Your group's meetings");
		browser.checkAccessibility();
		browser.click("Your group's workspace");
		assertThat(browser.heading()).isEqualTo("Workspace of group " + group.number());
		assertThat(browser.pageText()).contains("The meetings to come and their plans", "Looking back and closing",
				"Timed outline of meeting 6", "For remote groups", "Attendance not taken yet");
		assertThat(browser.driver().findElement(By.cssSelector("main details")).getDomAttribute("open")).isNotNull();
		browser.checkAccessibility();

		// Attendance for the first meeting (five came) and the fifth (three came), ticked
		// by keyboard in the list's order
		String firstTicked = null;
		for (var held : List.of(all.get(0), all.get(4))) {
			browser.open(workspace);
			browser.click("Meeting " + held.number());
			assertThat(browser.heading()).isEqualTo("Meeting " + held.number() + " of group " + group.number());
			assertThat(browser.pageText()).contains("Who came to meeting " + held.number());
			browser.checkAccessibility();
			var boxes = browser.driver().findElements(By.cssSelector("main input[name=present]"));
			assertThat(boxes).hasSize(6);
			int came = held.number() == 1 ? 5 : 3;
			for (var box : boxes.subList(0, came)) {
				browser.tabTo(box.getDomAttribute("id"), 80);
				browser.press(Keys.SPACE);
			}
			// The first participant in the list came to both
			firstTicked = browser.text("label[for='" + boxes.get(2).getDomAttribute("id") + "']");
			browser.tabTo("attendance-save", 10);
			browser.andWaitForNewPage(() -> browser.press(Keys.ENTER));
			assertThat(browser.text("main [role=status]")).isEqualTo("The attendance is saved.");
			assertThat(browser.pageText()).contains(came + " of 6 came");
			browser.checkAccessibility();
		}

		// The fifth meeting's debrief: a participant's name is refused at its field with
		// the text kept
		var name = accounts.find(participants.get(2).id()).orElseThrow().displayName();
		assertThat(browser.pageText()).contains("Never write what participants said");
		browser.fill("debrief-text", "A calm closing round. " + name + " left early.");
		browser.click("Save the debrief");
		assertThat(browser.fieldError("debrief-text")).startsWith("The debrief names someone in the group");
		assertThat(browser.value("debrief-text")).isEqualTo("A calm closing round. " + name + " left early.");
		browser.checkAccessibility();
		browser.fill("debrief-text", "A calm closing round; the pair exercise took longer than planned.");
		browser.click("Save the debrief");
		assertThat(browser.text("main [role=status]")).isEqualTo("The debrief is saved.");
		browser.checkAccessibility();

		// The sixth meeting: planning notes, then a move to the next day at 17:00 through
		// the meeting's own page
		var sixth = all.get(5);
		browser.open(workspace);
		browser.click("Notes, attendance and debrief of meeting 6");
		assertThat(browser.pageText()).contains("Attendance is taken once the meeting has started.",
				"The debrief is written once the meeting has started.");
		browser.checkAccessibility();
		browser.fill("notes-text", "Bring paper for the kind sentences. Start with a short breathing pause.");
		browser.click("Save the notes");
		assertThat(browser.text("main [role=status]")).isEqualTo("The planning notes are saved.");
		assertThat(browser.pageText())
			.contains("Last saved by " + accounts.find(mentor.id()).orElseThrow().displayName());
		browser.checkAccessibility();
		browser.click("Move or cancel this meeting, or change where it is");
		assertThat(browser.heading()).isEqualTo("Meeting 6 of group " + group.number());
		browser.checkAccessibility();
		var newDay = LocalDateTime.ofInstant(sixth.startsAt(), HELSINKI).toLocalDate().plusDays(1);
		browser.js("document.getElementById('startsAt').value = arguments[0]", newDay + "T17:00");
		browser.click("Move and tell the members");
		// Asked first, with how many members will be told
		int told = group.members().size();
		assertThat(browser.pageText()).contains(told + " people will be told by e-mail");
		browser.checkAccessibility();
		browser.click("Move the meeting and tell " + told + " people");
		assertThat(browser.text("main [role=status]")).isEqualTo("The meeting is moved, and the members were told.");
		assertThat(browser.pageText()).contains("Moved; first planned for");
		browser.checkAccessibility();

		// Asking for staff attention, by keyboard
		browser.open(workspace);
		browser.tabTo("note", 80);
		browser.press(note);
		browser.tabTo("attention-raise", 5);
		browser.andWaitForNewPage(() -> browser.press(Keys.ENTER));
		assertThat(browser.text("main [role=status]"))
			.isEqualTo("The coordinators were told that your group asks for staff attention.");
		assertThat(browser.pageText()).contains(note);
		browser.checkAccessibility();
		browser.click("Sign out");

		// A participant reads of the move and sees it, with the themes and no plans; the
		// workspace is not theirs
		var participant = participants.getFirst();
		openMail(participant.email(), "Moved: meeting 6 of Test programme");
		assertThat(browser.pageText()).contains("17:00", "group-meeting.ics");
		signIn(participant.email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme.value() + "/my-meetings");
		assertThat(browser.pageText()).contains("Looking back and closing", "Moved; first planned for", "17:00",
				TestGroups.VIDEO_LINK, "does not share its list of participants");
		assertThat(browser.pageText()).doesNotContain("Timed outline", "Your group's workspace");
		browser.checkAccessibility();
		browser.open(workspace);
		assertThat(browser.heading()).isEqualTo("Page not found");
		browser.checkAccessibility();
		browser.click("Sign out");

		// The coordinator's mail says only which group asks; the link leads to the
		// workspace with the note
		signIn(staff.coordinator().email(), TestData.PASSWORD);
		openMail(staff.coordinator().email(),
				"Group " + group.number() + " of Test programme asks for staff attention");
		assertThat(browser.text(".mail-body")).doesNotContain(note, "struggling", name,
				accounts.find(mentor.id()).orElseThrow().displayName());
		followLinkInMail();
		assertThat(browser.heading()).isEqualTo("Workspace of group " + group.number());
		assertThat(browser.pageText()).contains(note, "Mark as resolved");
		browser.checkAccessibility();

		// The progress view: five of six held, attendance per meeting and per person, the
		// open request
		browser.click("Back to the groups' progress");
		assertThat(browser.heading()).isEqualTo("Groups' progress");
		assertThat(browser.pageText()).contains("5 of 6 planned meetings held in all",
				"Groups asking for staff attention", "5 of 6 came", "3 of 6 came", "Attendance not taken yet",
				"Asks for attention");
		var bothTimes = firstTicked.replace(" (participant)", "");
		assertThat(browser.texts("main table tbody tr"))
			.filteredOn(row -> row.matches("(?s)" + Pattern.quote(bothTimes) + "\\s.*"))
			.singleElement()
			.asString()
			.endsWith("2 of 5");
		browser.checkAccessibility();
		browser.clickCss("main ul a[href$='/workspace']");
		browser.click("Mark as resolved");
		assertThat(browser.text("main [role=status]")).isEqualTo("The request is marked as resolved.");
		browser.checkAccessibility();
		browser.click("Back to the groups' progress");
		assertThat(browser.pageText()).contains("No group asks for staff attention.");
		browser.checkAccessibility();
	}

	/**
	 * Opens the development mailbox's newest message to this address with this subject,
	 * waiting for it to arrive.
	 */
	private void openMail(String address, String subjectStart) {
		var link = By.xpath("//main//tr[td[normalize-space(.)='" + address + "']]//a[starts-with(normalize-space(.), '"
				+ subjectStart + "')]");
		browser.open("/dev/mailbox");
		browser.waitUntil(d -> {
			if (!d.findElements(link).isEmpty()) {
				return true;
			}
			browser.open("/dev/mailbox");
			return false;
		});
		browser.checkAccessibility();
		var found = browser.driver().findElement(link);
		browser.andWaitForNewPage(found::click);
		assertThat(browser.pageText()).contains(address, subjectStart);
		browser.checkAccessibility();
	}

}
