package app.kindred.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.Mails;
import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.Accounts;
import app.kindred.meeting.internal.GroupProgressService;
import app.kindred.meeting.internal.MeetingService;
import app.kindred.meeting.internal.StaffAttentionService;
import app.kindred.meeting.internal.WorkspaceService;
import app.kindred.organisation.OrganisationService;
import app.kindred.organisation.Role;
import app.kindred.programme.ProgrammeId;
import app.kindred.core.Language;
import app.kindred.identity.AccountService;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * The mentor pair's workspace and the coordinators' progress view, on a programme whose
 * term began two weeks before yesterday: each group has held three meetings and has three
 * to come. Who may see and write what, notes shared between co-mentors, attendance and
 * the debrief only for meetings that have started, the staff-attention mail without
 * details, and the progress figures.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class WorkspaceIntegrationTests {

	static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	TestGroups testGroups;

	@Autowired
	MeetingService meetings;

	@Autowired
	WorkspaceService workspaces;

	@Autowired
	StaffAttentionService attention;

	@Autowired
	GroupProgressService progress;

	@Autowired
	OrganisationService organisations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationEvents events;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountService accountService;

	private TestGroups.Term threeMeetingsHeld() {
		return threeMeetingsHeld(false);
	}

	private TestGroups.Term threeMeetingsHeld(boolean shareRoster) {
		return testGroups.threeMeetingsHeld(shareRoster);
	}

	private List<Meeting> meetingsOf(TestGroups.Term f, PublishedGroups.Group group) {
		return meetings.mine(f.programme(), f.mentor(group, 0).id()).group().meetings();
	}

	@Test
	void theWorkspaceIsForTheGroupsMentorsAndTheProgrammesCoordinatorsOnly() throws Exception {
		var f = threeMeetingsHeld();
		var mentor = f.mentor(f.first(), 0);
		var participant = f.participants(f.first()).getFirst();
		var otherMentor = f.mentor(f.second(), 0);
		var held = meetingsOf(f, f.first()).get(1);
		var otherGroupsMeeting = meetingsOf(f, f.second()).get(1);
		var page = f.workspace(f.first());
		var meetingPage = page + "/meetings/" + held.id();

		// The mentor: the meetings to come with their full plans in the group's language,
		// for a remote group
		mvc.perform(get(page).with(as(mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Workspace of group " + f.first().number())))
			.andExpect(content().string(containsString("The meetings to come and their plans")))
			.andExpect(content().string(containsString("Compassion in the study and work community")))
			.andExpect(content().string(containsString("Timed outline of meeting 4")))
			.andExpect(content().string(containsString("For remote groups")))
			.andExpect(content().string(containsString(nameOf(participant) + " (participant)")))
			.andExpect(content().string(containsString("Ask for staff attention")));
		mvc.perform(get(meetingPage).with(as(mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Meeting 2 of group " + f.first().number())))
			.andExpect(content().string(containsString("What is compassion?")))
			.andExpect(content().string(containsString("Save the notes")))
			.andExpect(content().string(containsString("Save the attendance")));
		// The on-campus group's mentors read the on-campus variant
		mvc.perform(get(f.workspace(f.second())).with(as(otherMentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("For groups on campus")))
			.andExpect(content().string(not(containsString("For remote groups"))));

		// The coordinator reads, and may not write
		mvc.perform(get(page).with(as(f.staff().coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Back to the groups")))
			.andExpect(content().string(not(containsString("Ask for staff attention"))));
		mvc.perform(get(meetingPage).with(as(f.staff().coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Save the notes"))));
		mvc.perform(post(meetingPage + "/notes").with(csrf())
			.with(as(f.staff().coordinator()))
			.param("text", "x")
			.param("version", "0")).andExpect(status().isForbidden());
		mvc.perform(post(meetingPage + "/attendance").with(csrf()).with(as(f.staff().coordinator())))
			.andExpect(status().isForbidden());
		mvc.perform(post(page + "/attention").with(csrf()).with(as(f.staff().coordinator())))
			.andExpect(status().isForbidden());

		// Teachers are staff without this role: 403; participants, other groups' mentors
		// and outsiders: 404
		mvc.perform(get(page).with(as(f.staff().teacher()))).andExpect(status().isForbidden());
		for (var who : List.of(participant, otherMentor, f.participants(f.second()).getFirst(), f.staff().outsider())) {
			mvc.perform(get(page).with(as(who))).andExpect(status().isNotFound());
			mvc.perform(get(meetingPage).with(as(who))).andExpect(status().isNotFound());
			mvc.perform(
					post(meetingPage + "/notes").with(csrf()).with(as(who)).param("text", "Plan").param("version", "0"))
				.andExpect(status().isNotFound());
			mvc.perform(post(meetingPage + "/attendance").with(csrf())
				.with(as(who))
				.param("present", who.id().value().toString())).andExpect(status().isNotFound());
			mvc.perform(post(meetingPage + "/debrief").with(csrf())
				.with(as(who))
				.param("text", "Fine")
				.param("version", "0")).andExpect(status().isNotFound());
			mvc.perform(post(page + "/attention").with(csrf()).with(as(who))).andExpect(status().isNotFound());
			mvc.perform(post(page + "/attention/resolve").with(csrf()).with(as(who))).andExpect(status().isNotFound());
		}
		// Another group's meeting under this group, this group under another programme,
		// made-up ids: 404
		mvc.perform(get(page + "/meetings/" + otherGroupsMeeting.id()).with(as(mentor)))
			.andExpect(status().isNotFound());
		mvc.perform(post(page + "/meetings/" + otherGroupsMeeting.id() + "/notes").with(csrf())
			.with(as(mentor))
			.param("text", "Mine now")
			.param("version", "0")).andExpect(status().isNotFound());
		mvc.perform(get(page + "/meetings/" + UUID.randomUUID()).with(as(mentor))).andExpect(status().isNotFound());
		mvc.perform(get(page + "/meetings/not-a-uuid").with(as(mentor))).andExpect(status().isNotFound());
		var elsewhere = data.programme(f.staff(), true);
		mvc.perform(get("/programmes/" + elsewhere.value() + "/groups/" + f.first().id() + "/workspace")
			.with(as(f.staff().coordinator()))).andExpect(status().isNotFound());
		assertThat(writings(otherGroupsMeeting.id())).isZero();

		// The mentor's meetings page links to the workspace; the participant's does not
		var mine = "/programmes/" + f.programme().value() + "/my-meetings";
		mvc.perform(get(mine).with(as(mentor))).andExpect(content().string(containsString(page + "\"")));
		mvc.perform(get(mine).with(as(participant))).andExpect(content().string(not(containsString("/workspace"))));
	}

	@Test
	void coMentorsShareNotesAndASaveInBetweenIsCaughtWithBothTextsKept() throws Exception {
		var f = threeMeetingsHeld();
		var mentor = f.mentor(f.first(), 0);
		var coMentor = f.mentor(f.first(), 1);
		var upcoming = meetingsOf(f, f.first()).get(4);
		var url = f.workspace(f.first()) + "/meetings/" + upcoming.id();

		mvc.perform(post(url + "/notes").with(csrf())
			.with(as(mentor))
			.param("text", "Bring the bell.\nOpening round: 15 min.")
			.param("version", "0")).andExpect(redirectedUrl(url));
		mvc.perform(get(url).with(as(coMentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bring the bell.")))
			.andExpect(content().string(containsString("Last saved by " + nameOf(mentor))))
			.andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
		mvc.perform(post(url + "/notes").with(csrf())
			.with(as(coMentor))
			.param("text", "Bring the bell and the cards.")
			.param("version", "1")).andExpect(redirectedUrl(url));

		// The first mentor saves over the text they opened, which is no longer the
		// latest: 409, theirs kept, nothing lost
		mvc.perform(
				post(url + "/notes").with(csrf()).with(as(mentor)).param("text", "Bring tea.").param("version", "1"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Your co-mentor saved this meanwhile. Nothing was saved")))
			.andExpect(content().string(containsString("Bring the bell and the cards.")))
			.andExpect(content().string(containsString(">Bring tea.</textarea>")))
			.andExpect(content().string(containsString("name=\"version\" value=\"2\"")));
		assertThat(workspaces.meeting(f.programme(), f.first().id(), upcoming.id(), mentor.id()).notes().text())
			.isEqualTo("Bring the bell and the cards.");
		// Saving again, having seen theirs, replaces it
		mvc.perform(
				post(url + "/notes").with(csrf()).with(as(mentor)).param("text", "Bring tea.").param("version", "2"))
			.andExpect(redirectedUrl(url));

		// Too long: told at the field with the text kept (422), nothing stored
		var tooLong = "a".repeat(WorkspaceService.NOTES_MAX + 1);
		mvc.perform(post(url + "/notes").with(csrf()).with(as(mentor)).param("text", tooLong).param("version", "3"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"notes-text-error\">Please use at most 4000 characters.")))
			.andExpect(content().string(containsString(tooLong + "</textarea>")));
		var saved = workspaces.meeting(f.programme(), f.first().id(), upcoming.id(), f.staff().coordinator().id())
			.notes();
		assertThat(saved.text()).isEqualTo("Bring tea.");
		assertThat(saved.version()).isEqualTo(3);
		assertThat(saved.editedBy()).isEqualTo(nameOf(mentor));
		// Staff read them; the workspace shows which meetings have notes
		mvc.perform(get(url).with(as(f.staff().coordinator())))
			.andExpect(content().string(containsString("Bring tea.")));
	}

	@Test
	void attendanceIsTakenForMeetingsThatStartedAndChangedLater() throws Exception {
		var f = threeMeetingsHeld();
		var mentor = f.mentor(f.first(), 0);
		var all = meetingsOf(f, f.first());
		var held = all.get(0);
		var upcoming = all.get(3);
		var url = f.workspace(f.first()) + "/meetings/";
		var participants = f.participants(f.first());

		// Three participants and both mentors came
		var request = post(url + held.id() + "/attendance").with(csrf())
			.with(as(mentor))
			.param("present", f.mentor(f.first(), 0).id().value().toString(),
					f.mentor(f.first(), 1).id().value().toString());
		for (var p : participants.subList(0, 3)) {
			request.param("present", p.id().value().toString());
		}
		mvc.perform(request).andExpect(redirectedUrl(url + held.id()));
		mvc.perform(get(url + held.id()).with(as(f.mentor(f.first(), 1))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("5 of 6 came. Last saved by " + nameOf(mentor))))
			.andExpect(content().string(containsString("value=\"" + participants.get(3).id().value() + "\">")))
			.andExpect(content().string(containsString("value=\"" + participants.get(0).id().value() + "\" checked")));
		// Changed: the fourth came after all, the first did not
		var change = post(url + held.id() + "/attendance").with(csrf()).with(as(f.mentor(f.first(), 1)));
		for (var p : participants.subList(1, 4)) {
			change.param("present", p.id().value().toString());
		}
		mvc.perform(change).andExpect(redirectedUrl(url + held.id()));
		var roll = workspaces.meeting(f.programme(), f.first().id(), held.id(), mentor.id()).row().roll();
		assertThat(roll.count()).isEqualTo(3);
		assertThat(roll.came(participants.get(0).id())).isFalse();
		assertThat(roll.came(participants.get(3).id())).isTrue();
		assertThat(roll.came(mentor.id())).isFalse();

		// Someone not in the group, or a malformed tick: 422 and nothing changes
		mvc.perform(post(url + held.id() + "/attendance").with(csrf())
			.with(as(mentor))
			.param("present", f.participants(f.second()).getFirst().id().value().toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Please tick only people in the group. Nothing was saved.")));
		mvc.perform(post(url + held.id() + "/attendance").with(csrf()).with(as(mentor)).param("present", "everyone"))
			.andExpect(status().isUnprocessableContent());
		assertThat(workspaces.meeting(f.programme(), f.first().id(), held.id(), mentor.id()).row().roll().count())
			.isEqualTo(3);

		// A meeting still to come takes no attendance yet, a cancelled one none at all:
		// 409, nothing stored
		mvc.perform(get(url + upcoming.id()).with(as(mentor)))
			.andExpect(content().string(containsString("Attendance is taken once the meeting has started.")))
			.andExpect(content().string(not(containsString("Save the attendance"))));
		mvc.perform(post(url + upcoming.id() + "/attendance").with(csrf())
			.with(as(mentor))
			.param("present", mentor.id().value().toString()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("This meeting has not started yet. Nothing was saved.")));
		meetings.cancel(f.programme(), upcoming.id(), mentor.id());
		mvc.perform(get(f.workspace(f.first())).with(as(mentor)))
			.andExpect(content().string(containsString("Cancelled")));
		mvc.perform(post(url + upcoming.id() + "/attendance").with(csrf())
			.with(as(mentor))
			.param("present", mentor.id().value().toString()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("This meeting is cancelled. Nothing was saved.")));
		mvc.perform(get(url + upcoming.id()).with(as(mentor)))
			.andExpect(content().string(containsString("The meeting was cancelled, so it takes no attendance.")));
		assertThat(rolls(upcoming.id())).isZero();
	}

	@Test
	void theDebriefWaitsForTheMeetingToStartRemindsAndRefusesParticipantsNames() throws Exception {
		var f = threeMeetingsHeld();
		var mentor = f.mentor(f.first(), 0);
		var all = meetingsOf(f, f.first());
		var held = all.get(2);
		var upcoming = all.get(3);
		var url = f.workspace(f.first()) + "/meetings/";

		// Before the meeting starts: no form, and a debrief sent anyway is refused (409)
		// and not stored
		mvc.perform(get(url + upcoming.id()).with(as(mentor)))
			.andExpect(content().string(containsString("The debrief is written once the meeting has started.")))
			.andExpect(content().string(not(containsString("Save the debrief"))));
		mvc.perform(post(url + upcoming.id() + "/debrief").with(csrf())
			.with(as(mentor))
			.param("text", "Went well.")
			.param("version", "0"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("This meeting has not started yet. Nothing was saved.")))
			// Told in the debrief's section at the foot of the long page, where the page
			// opens (its script focuses the alert), not above the plan
			.andExpect(result -> {
				var page = result.getResponse().getContentAsString();
				assertThat(page.indexOf("This meeting has not started yet."))
					.isGreaterThan(page.indexOf("id=\"debrief\""));
				assertThat(page.split("role=\"alert\"")).hasSize(2);
			});
		assertThat(writings(upcoming.id())).isZero();

		// After it started: the reminder beside the form
		mvc.perform(get(url + held.id()).with(as(mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Never write what participants said, their names")))
			.andExpect(content().string(containsString("aria-describedby=\"debrief-reminder debrief-hint\"")));
		// A participant's name is refused at the field, with the text kept
		var named = nameOf(f.participants(f.first()).get(1));
		mvc.perform(post(url + held.id() + "/debrief").with(csrf())
			.with(as(mentor))
			.param("text", "Quiet round; " + named.toUpperCase() + " left early.")
			.param("version", "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content()
				.string(containsString("id=\"debrief-text-error\">The debrief names someone in the group")))
			.andExpect(content().string(containsString(named.toUpperCase() + " left early.</textarea>")));
		assertThat(writings(held.id())).isZero();
		mvc.perform(post(url + held.id() + "/debrief").with(csrf())
			.with(as(mentor))
			.param("text", "Quiet opening round; the exercise in pairs worked. Shorter closing next time.")
			.param("version", "0")).andExpect(redirectedUrl(url + held.id()));
		mvc.perform(get(f.workspace(f.first())).with(as(f.staff().coordinator())))
			.andExpect(content().string(containsString("Written")));
		assertThat(workspaces.meeting(f.programme(), f.first().id(), held.id(), mentor.id()).debrief().text())
			.startsWith("Quiet opening round");
		// Too long: 422 at its field
		mvc.perform(post(url + held.id() + "/debrief").with(csrf())
			.with(as(mentor))
			.param("text", "b".repeat(WorkspaceService.DEBRIEF_MAX + 1))
			.param("version", "1"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(
					content().string(containsString("id=\"debrief-text-error\">Please use at most 1000 characters.")));
	}

	@Test
	void theFlagTellsEveryCoordinatorOnceWithoutTheNoteOrAnyName() throws Exception {
		var f = threeMeetingsHeld();
		var secondCoordinator = data.person("coordinator2");
		organisations.grant(f.staff().organisation(), secondCoordinator.id(), Role.COORDINATOR);
		var mentor = f.mentor(f.first(), 0);
		var page = f.workspace(f.first());
		var participant = f.participants(f.first()).getFirst();
		var note = "Worried about " + nameOf(participant) + " after meeting 3";

		// A note too long is told at its field and raises nothing
		mvc.perform(post(page + "/attention").with(csrf()).with(as(mentor)).param("note", "n".repeat(301)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"note-error\">Please use at most 300 characters.")));
		assertThat(events.stream(StaffAttentionRequested.class)).isEmpty();

		mvc.perform(post(page + "/attention").with(csrf()).with(as(mentor)).param("note", note))
			.andExpect(redirectedUrl(page));
		// Raised again while open, by either mentor: nobody is told twice
		mvc.perform(post(page + "/attention").with(csrf()).with(as(f.mentor(f.first(), 1))).param("note", "Again"))
			.andExpect(redirectedUrl(page));
		// Every coordinator of the organisation: the one who set it up is one too
		assertThat(events.stream(StaffAttentionRequested.class)).hasSize(3)
			.extracting(StaffAttentionRequested::coordinator)
			.containsExactlyInAnyOrder(f.staff().coordinator().id(), secondCoordinator.id(), f.staff().founder().id());

		for (var coordinator : List.of(f.staff().coordinator(), secondCoordinator, f.staff().founder())) {
			var received = Mails.await(mail, coordinator.email(), 1);
			assertThat(received).hasSize(1);
			var text = received[0].getSubject() + "\n" + Mails.body(received[0]);
			assertThat(text).contains("Group " + f.first().number() + " of Test programme asks for staff attention",
					page);
			assertThat(text).doesNotContain(note).doesNotContain("Worried").doesNotContain("Again");
			for (var member : f.first().members()) {
				var person = f.cohort().person(member.person());
				assertThat(text).doesNotContain(nameOf(person)).doesNotContain(person.email());
			}
		}
		assertThat(mail.getReceivedMessagesForDomain(f.staff().teacher().email())).isEmpty();

		// The note is for staff and the group's mentors: the workspace shows it, the
		// progress view links there
		mvc.perform(get(page).with(as(f.mentor(f.first(), 1))))
			.andExpect(content().string(containsString(note)))
			.andExpect(content().string(containsString(nameOf(mentor) + " asked for staff attention")));
		mvc.perform(get("/programmes/" + f.programme().value() + "/progress").with(as(f.staff().coordinator())))
			.andExpect(content().string(containsString("Groups asking for staff attention")))
			.andExpect(
					content().string(containsString("href=\"" + page + "\">Group " + f.first().number() + ", since")))
			.andExpect(content().string(not(containsString(note))));

		// Resolved by staff only
		mvc.perform(post(page + "/attention/resolve").with(csrf()).with(as(mentor))).andExpect(status().isForbidden());
		mvc.perform(post(page + "/attention/resolve").with(csrf()).with(as(f.staff().teacher())))
			.andExpect(status().isForbidden());
		mvc.perform(post(page + "/attention/resolve").with(csrf()).with(as(f.staff().coordinator())))
			.andExpect(redirectedUrl(page));
		mvc.perform(get(page).with(as(mentor)))
			.andExpect(content()
				.string(containsString("The last request was marked resolved by " + nameOf(f.staff().coordinator()))))
			.andExpect(content().string(containsString("Ask for staff attention")));
		assertThat(progress.overview(f.programme(), f.staff().coordinator().id()).flagged()).isEmpty();
		// Resolving again changes nothing; raising again tells them again
		mvc.perform(post(page + "/attention/resolve").with(csrf()).with(as(f.staff().coordinator())))
			.andExpect(redirectedUrl(page));
		mvc.perform(post(page + "/attention").with(csrf()).with(as(mentor)).param("note", ""))
			.andExpect(redirectedUrl(page));
		assertThat(events.stream(StaffAttentionRequested.class)).hasSize(6);
		assertThat(Mails.await(mail, secondCoordinator.email(), 2)).hasSize(2);
	}

	@Test
	void progressCountsMeetingsHeldAttendancePerGroupAndPersonAndOpenFlags() throws Exception {
		var f = threeMeetingsHeld();
		var mentor = f.mentor(f.first(), 0);
		var all = meetingsOf(f, f.first());
		var participants = f.participants(f.first());
		// Meeting 1: everyone; meeting 2: the mentors and one participant; meeting 3: not
		// taken; meeting 5 cancelled
		workspaces.saveAttendance(f.programme(), f.first().id(), all.get(0).id(),
				f.first().members().stream().map(m -> m.person()).collect(Collectors.toSet()), mentor.id());
		workspaces.saveAttendance(f.programme(), f.first().id(), all.get(1).id(),
				Set.of(mentor.id(), f.mentor(f.first(), 1).id(), participants.get(0).id()), mentor.id());
		meetings.cancel(f.programme(), all.get(4).id(), mentor.id());
		attention.raise(f.programme(), f.second().id(), null, f.mentor(f.second(), 0).id());

		var overview = progress.overview(f.programme(), f.staff().coordinator().id());
		var first = overview.groups()
			.stream()
			.filter(g -> g.group().id().equals(f.first().id()))
			.findFirst()
			.orElseThrow();
		var second = overview.groups()
			.stream()
			.filter(g -> g.group().id().equals(f.second().id()))
			.findFirst()
			.orElseThrow();
		assertThat(first.held()).isEqualTo(3);
		assertThat(first.planned()).isEqualTo(5);
		assertThat(first.cancelled()).isEqualTo(1);
		assertThat(first.notTaken()).isEqualTo(1);
		assertThat(first.meetings()).extracting(GroupProgressService.MeetingCell::state)
			.containsExactly(GroupProgressService.State.TAKEN, GroupProgressService.State.TAKEN,
					GroupProgressService.State.NOT_TAKEN, GroupProgressService.State.UPCOMING,
					GroupProgressService.State.CANCELLED, GroupProgressService.State.UPCOMING);
		assertThat(first.meetings().get(0).present()).isEqualTo(6);
		assertThat(first.meetings().get(1).present()).isEqualTo(3);
		assertThat(first.meetings().get(1).listed()).isEqualTo(6);
		assertThat(first.people()).filteredOn(p -> p.name().equals(nameOf(participants.get(0))))
			.singleElement()
			.extracting(GroupProgressService.PersonRow::attended)
			.isEqualTo(2);
		assertThat(first.people()).filteredOn(p -> p.name().equals(nameOf(participants.get(1))))
			.singleElement()
			.extracting(GroupProgressService.PersonRow::attended)
			.isEqualTo(1);
		assertThat(first.needsAttention()).isFalse();
		assertThat(second.held()).isEqualTo(3);
		assertThat(second.planned()).isEqualTo(6);
		assertThat(second.notTaken()).isEqualTo(3);
		assertThat(second.needsAttention()).isTrue();
		assertThat(overview.held()).isEqualTo(6);
		assertThat(overview.planned()).isEqualTo(11);

		var url = "/programmes/" + f.programme().value() + "/progress";
		mvc.perform(get(url).with(as(f.staff().coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("6 of 11 planned meetings held in all")))
			.andExpect(content().string(containsString("6 of 6 came")))
			.andExpect(content().string(containsString("3 of 6 came")))
			.andExpect(content().string(containsString("Attendance not taken yet")))
			.andExpect(content().string(containsString(nameOf(participants.get(0)))))
			.andExpect(content()
				.string(containsString("href=\"" + f.workspace(f.second()) + "\">Group " + f.second().number())))
			.andExpect(content().string(containsString("href=\"" + f.workspace(f.first()) + "\">Workspace of group")));
		// Staff only: the programme's coordinators
		mvc.perform(get(url).with(as(f.staff().teacher()))).andExpect(status().isForbidden());
		mvc.perform(get(url).with(as(f.staff().admin()))).andExpect(status().isForbidden());
		for (var who : List.of(mentor, participants.getFirst(), f.staff().outsider())) {
			mvc.perform(get(url).with(as(who))).andExpect(status().isNotFound());
		}
	}

	@Test
	void participantsSeeTheirMeetingsThemesAndChangesButNoPlansAndOthersOnlyAsTheRosterAllows() throws Exception {
		var f = threeMeetingsHeld();
		var mentor = f.mentor(f.first(), 0);
		var participant = f.participants(f.first()).getFirst();
		var all = meetingsOf(f, f.first());
		var moved = all.get(3);
		var firstPlanned = moved.startsAt();
		meetings.reschedule(f.programme(), moved.id(), moved.startsAt().plus(Duration.ofDays(1)), 120, mentor.id());
		meetings.reschedule(f.programme(), moved.id(), moved.startsAt().plus(Duration.ofDays(2)), 120, mentor.id());
		meetings.cancel(f.programme(), all.get(5).id(), mentor.id());
		assertThat(meetings.firstStarts(f.first().id())).containsOnlyKeys(moved.id()).containsValue(firstPlanned);

		var mine = "/programmes/" + f.programme().value() + "/my-meetings";
		mvc.perform(get(mine).with(as(participant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Getting to know each other and agreeing our ground rules")))
			.andExpect(content().string(containsString(TestGroups.VIDEO_LINK)))
			.andExpect(content().string(containsString("Moved; first planned for")))
			.andExpect(content().string(containsString("Cancelled")))
			.andExpect(content().string(not(containsString("Timed outline"))))
			.andExpect(content().string(not(containsString("Aims"))))
			// The roster is not shared: the mentors by name, no other participant
			.andExpect(content().string(containsString(nameOf(mentor) + " (mentor)")))
			.andExpect(content().string(not(containsString(nameOf(f.participants(f.first()).get(1))))))
			.andExpect(content().string(containsString("does not share its list of participants")));

		// Shared: the other participants by first name only; mentors still see everyone
		// in full
		var shared = threeMeetingsHeld(true);
		var reader = shared.participants(shared.first()).getFirst();
		var other = shared.participants(shared.first()).get(1);
		accountService.updateProfile(other.id(), "Aino Virtanen", Language.EN, HELSINKI);
		var sharedMine = "/programmes/" + shared.programme().value() + "/my-meetings";
		mvc.perform(get(sharedMine).with(as(reader)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Aino (participant)")))
			.andExpect(content().string(not(containsString("Virtanen"))))
			.andExpect(content().string(not(containsString("does not share"))));
		mvc.perform(get(sharedMine).with(as(shared.mentor(shared.first(), 0))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Aino Virtanen (participant)")));
	}

	// Helpers

	private String nameOf(TestData.Person person) {
		return accounts.find(person.id()).orElseThrow().displayName();
	}

	private int writings(UUID meeting) {
		return jdbc.sql("select count(*) from meeting_writing where meeting_id = ?")
			.param(meeting)
			.query(Integer.class)
			.single();
	}

	private int rolls(UUID meeting) {
		return jdbc.sql("select count(*) from meeting_roll where meeting_id = ?")
			.param(meeting)
			.query(Integer.class)
			.single();
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
