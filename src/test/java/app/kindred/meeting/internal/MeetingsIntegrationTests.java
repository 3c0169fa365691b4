package app.kindred.meeting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.Invitations;
import app.kindred.TestData;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.grouping.GroupsPublished;
import app.kindred.grouping.PublishedGroups;
import app.kindred.meeting.Meeting;
import app.kindred.meeting.Place;
import app.kindred.programme.ProgrammeId;
import app.kindred.training.SessionKind;
import app.kindred.training.TrainingService;
import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Method;
import app.kindred.Mails;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.awaitility.Awaitility;

/**
 * Meetings from publishing to calendars: the schedule made once per group, rescheduling,
 * cancelling and moving with a mail and calendar update to every member, the private feed
 * (parsed with a real iCalendar library) across the end of summer time, and who may see
 * and change what.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class MeetingsIntegrationTests {

	static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");
	static final Pattern FEED = Pattern.compile("/calendar/feed/([A-Za-z0-9_-]+)\\.ics");

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
	SchedulesOnPublish schedules;

	@Autowired
	TrainingService training;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	ApplicationEvents events;

	/**
	 * Summer time in Helsinki ends on the last Sunday of October; next year's, so every
	 * meeting is still to come.
	 */
	static final LocalDate SUMMER_TIME_ENDS = LocalDate.of(LocalDate.now().getYear() + 1, 10, 31)
		.with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));

	/**
	 * A programme whose term starts on the Monday twelve days before, with the week
	 * before it a break.
	 */
	record Fixture(TestData.Staff staff, ProgrammeId programme, TestGroups.Cohort cohort, PublishedGroups.Group campus,
			PublishedGroups.Group remote) {

		TestData.Person mentor(PublishedGroups.Group group, int i) {
			return cohort.person(group.mentors().get(i));
		}

		TestData.Person participant(PublishedGroups.Group group, int i) {
			return cohort.person(group.members()
				.stream()
				.filter(m -> !group.mentors().contains(m.person()))
				.toList()
				.get(i)
				.person());
		}

		List<TestData.Person> members(PublishedGroups.Group group) {
			return group.members().stream().map(m -> cohort.person(m.person())).toList();
		}
	}

	private Fixture publishedWithABreak() throws Exception {
		var staff = data.staff();
		var termStart = SUMMER_TIME_ENDS.minusDays(13);
		var programme = data.programme(staff, true, testGroups.settings(termStart, 6, 1));
		// The coordinator marks the week before summer time ends as a break, before
		// publishing
		mvc.perform(post("/programmes/" + programme.value() + "/meetings/breaks").with(csrf())
			.with(as(staff.coordinator()))
			.param("firstDay", SUMMER_TIME_ENDS.minusDays(6).toString())
			.param("lastDay", SUMMER_TIME_ENDS.toString()))
			.andExpect(redirectedUrl("/programmes/" + programme.value() + "/meetings"));
		var cohort = testGroups.signUp(staff, programme,
				List.of(new TestGroups.Slot("TUE1615", TestGroups.CAMPUS), new TestGroups.Slot("THU1015", null)));
		var groups = testGroups.publish(staff, programme);
		assertThat(groups).hasSize(2);
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> count(programme) == 12);
		return new Fixture(staff, programme, cohort,
				groups.stream().filter(g -> g.slot().equals("TUE1615")).findFirst().orElseThrow(),
				groups.stream().filter(g -> g.slot().equals("THU1015")).findFirst().orElseThrow());
	}

	@Test
	void publishingMakesEachGroupsMeetingsOnceAtItsWeeklyTimePassingOverBreaks() throws Exception {
		var f = publishedWithABreak();
		var overview = meetings.overview(f.programme(), f.staff().coordinator().id());
		var tuesday = overview.groups()
			.stream()
			.filter(g -> g.group().id().equals(f.campus().id()))
			.findFirst()
			.orElseThrow();
		var thursday = overview.groups()
			.stream()
			.filter(g -> g.group().id().equals(f.remote().id()))
			.findFirst()
			.orElseThrow();

		// Tuesdays at 16:15 Helsinki time, the break week left out, 16:15 also after
		// summer time ends
		var firstTuesday = SUMMER_TIME_ENDS.minusDays(12);
		assertThat(tuesday.meetings()).extracting(m -> LocalDateTime.ofInstant(m.startsAt(), HELSINKI))
			.containsExactly(firstTuesday.atTime(16, 15), firstTuesday.plusWeeks(2).atTime(16, 15),
					firstTuesday.plusWeeks(3).atTime(16, 15), firstTuesday.plusWeeks(4).atTime(16, 15),
					firstTuesday.plusWeeks(5).atTime(16, 15), firstTuesday.plusWeeks(6).atTime(16, 15));
		assertThat(tuesday.meetings().get(0).startsAt())
			.isEqualTo(firstTuesday.atTime(13, 15).toInstant(ZoneOffset.UTC));
		assertThat(tuesday.meetings().get(1).startsAt())
			.isEqualTo(firstTuesday.plusWeeks(2).atTime(14, 15).toInstant(ZoneOffset.UTC));
		assertThat(tuesday.meetings()).extracting(Meeting::number).containsExactly(1, 2, 3, 4, 5, 6);
		assertThat(tuesday.meetings()).allSatisfy(m -> {
			assertThat(m.minutes()).isEqualTo(120);
			assertThat(m.place()).isEqualTo(new Place(TestGroups.CAMPUS, null, null));
			assertThat(m.sequence()).isZero();
		});
		var firstThursday = SUMMER_TIME_ENDS.minusDays(10);
		assertThat(thursday.meetings()).extracting(m -> LocalDateTime.ofInstant(m.startsAt(), HELSINKI).toLocalDate())
			.containsExactly(firstThursday, firstThursday.plusWeeks(2), firstThursday.plusWeeks(3),
					firstThursday.plusWeeks(4), firstThursday.plusWeeks(5), firstThursday.plusWeeks(6));
		assertThat(thursday.meetings())
			.allSatisfy(m -> assertThat(m.place()).isEqualTo(new Place(null, null, TestGroups.VIDEO_LINK)));
		assertThat(tuesday.theme(tuesday.meetings().get(1)).theme()).isEqualTo("What is compassion?");

		// The event delivered again (after a crash, say) makes no second schedule
		schedules.on(new GroupsPublished(f.programme(), List.of(f.campus().id(), f.remote().id())));
		assertThat(count(f.programme())).isEqualTo(12);

		// The coordinator's page: every group's meetings, and a break added now moves
		// nothing (as the page says)
		var page = "/programmes/" + f.programme().value() + "/meetings";
		mvc.perform(get(page).with(as(f.staff().coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Every week: Tuesday 16:15–18:15")))
			.andExpect(content().string(containsString("Every week: Thursday 10:15–12:15")))
			.andExpect(content().string(containsString("a break added now moves no meeting")))
			.andExpect(content().string(containsString(TestGroups.VIDEO_LINK)));
		mvc.perform(post(page + "/breaks").with(csrf())
			.with(as(f.staff().coordinator()))
			.param("firstDay", firstTuesday.plusWeeks(3).toString())
			.param("lastDay", "")).andExpect(redirectedUrl(page));
		assertThat(meetings.overview(f.programme(), f.staff().coordinator().id()).breaks()).hasSize(2);
		assertThat(count(f.programme())).isEqualTo(12);
		assertThat(meetings.overview(f.programme(), f.staff().coordinator().id())
			.groups()
			.stream()
			.flatMap(g -> g.meetings().stream())
			.mapToInt(Meeting::sequence)
			.sum()).isZero();

		// A break ending before it starts is told at its field, with what was typed, and
		// nothing is stored
		mvc.perform(post(page + "/breaks").with(csrf())
			.with(as(f.staff().coordinator()))
			.param("firstDay", "2027-12-20")
			.param("lastDay", "2027-12-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content()
				.string(containsString("id=\"lastDay-error\">The last day cannot be before the first day.")))
			.andExpect(content().string(containsString("value=\"2027-12-20\"")))
			.andExpect(content().string(containsString("value=\"2027-12-01\"")));
		mvc.perform(post(page + "/breaks").with(csrf())
			.with(as(f.staff().coordinator()))
			.param("firstDay", "20.12.2027")
			.param("lastDay", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString(
					"id=\"firstDay-error\">Please enter a date between 1 January 2000 and 31 December 2099.")))
			.andExpect(content().string(containsString("value=\"20.12.2027\"")));
		assertThat(meetings.overview(f.programme(), f.staff().coordinator().id()).breaks()).hasSize(2);

		// Teachers may not see it; outsiders and members do not even learn it exists
		mvc.perform(get(page).with(as(f.staff().teacher()))).andExpect(status().isForbidden());
		mvc.perform(get(page).with(as(f.staff().outsider()))).andExpect(status().isNotFound());
		mvc.perform(get(page).with(as(f.mentor(f.campus(), 0)))).andExpect(status().isNotFound());
	}

	@Test
	void rescheduleCancelAndNewPlacesReachEveryMemberAndTheFeedUpdatesInPlace() throws Exception {
		var f = publishedWithABreak();
		var mentor = f.mentor(f.campus(), 0);
		var participant = f.participant(f.campus(), 0);
		var organisation = "Test University " + f.staff().founder().email();
		var group = meetings.mine(f.programme(), participant.id()).group();
		var m1 = group.meetings().get(0);
		var m3 = group.meetings().get(2);
		var m4 = group.meetings().get(3);
		var m5 = group.meetings().get(4);

		// The participant's page: themes, places, a calendar file per meeting, nothing to
		// change
		var mine = "/programmes/" + f.programme().value() + "/my-meetings";
		mvc.perform(get(mine).with(as(participant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Getting to know each other and agreeing our ground rules")))
			.andExpect(content().string(containsString(TestGroups.CAMPUS)))
			.andExpect(content().string(containsString("/my-meetings/" + m1.id() + "/calendar.ics")))
			.andExpect(content().string(not(containsString("/meetings/" + m1.id() + "\""))));
		mvc.perform(get(mine).with(as(mentor)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("/programmes/" + f.programme().value() + "/meetings/" + m1.id() + "\"")));

		// Their private feed: made on their page, fetched without signing in
		var token = feedToken(participant);
		var before = feed(token);
		assertThat(before.getEvents()).hasSize(6);
		assertThat(before.getMethod()).isEqualTo(Method.publish());
		// A feed is no scheduling message: nobody organises or attends it
		assertThat(before.getEvents()).allSatisfy(e -> {
			assertThat(e.getOrganizer()).isNull();
			assertThat(e.getAttendees()).isEmpty();
		});
		// Across the end of summer time: 16:15 in Helsinki both before (UTC+3) and after
		// (UTC+2)
		assertThat(event(before, m1).getDateStart().getValue().toInstant()).isEqualTo(m1.startsAt());
		assertThat(localTime(event(before, m1))).isEqualTo(LocalTime.of(16, 15));
		assertThat(localTime(event(before, group.meetings().get(1)))).isEqualTo(LocalTime.of(16, 15));
		assertThat(event(before, group.meetings().get(1)).getDateStart().getValue().toInstant())
			.isEqualTo(m1.startsAt().plus(Duration.ofDays(14)).plus(Duration.ofHours(1)));
		assertThat(event(before, m1).getSummary().getValue())
			.isEqualTo("Test programme: meeting 1, Getting to know each other and agreeing our ground rules");
		assertThat(event(before, m1).getLocation().getValue()).isEqualTo(TestGroups.CAMPUS);
		assertThat(event(before, m3).getSequence().getValue()).isZero();

		// A mentor's feed also has their trainings and supervision
		training.schedule(f.programme(), SessionKind.SUPERVISION, m1.startsAt().plus(Duration.ofDays(3)), 90, null,
				"https://video.example/supervision", f.staff().coordinator().id());
		var mentorFeed = feed(feedToken(mentor));
		assertThat(mentorFeed.getEvents()).hasSize(7);
		assertThat(mentorFeed.getEvents())
			.anySatisfy(e -> assertThat(e.getSummary().getValue()).isEqualTo("Test programme: supervision"));

		// The mentor moves meeting 3 to the next day at 18:00 for 90 minutes: every
		// member hears, with an update
		var newDay = LocalDateTime.ofInstant(m3.startsAt(), HELSINKI).toLocalDate().plusDays(1);
		var newStart = newDay.atTime(18, 0).atZone(HELSINKI).toInstant();
		int told = f.members(f.campus()).size();
		var reschedule = post("/programmes/" + f.programme().value() + "/meetings/" + m3.id() + "/reschedule")
			.with(csrf())
			.with(as(mentor))
			.param("startsAt", newDay + "T18:00")
			.param("minutes", "90");
		// Asked first, with the number of members told; nothing changes until confirmed
		asksFirst(reschedule, "Move meeting 3 of group " + f.campus().number() + "?", told,
				"Move the meeting and tell " + told + " people");
		assertThat(meetings.mine(f.programme(), mentor.id()).group().meetings().get(2)).isEqualTo(m3);
		mvc.perform(reschedule.param("confirmed", "true")).andExpect(redirectedUrl(mine));
		for (var member : f.members(f.campus())) {
			var moved = MeetingMailbox.await(mail, member.email(), "Moved: meeting 3 of Test programme", 1);
			assertThat(moved).hasSize(1);
			var e = Invitations.assertInvitation(moved.getFirst(), "REQUEST", member.email(), organisation);
			assertThat(e.getUid().getValue()).isEqualTo(m3.uid());
			assertThat(e.getSequence().getValue()).isEqualTo(1);
			assertThat(e.getDateStart().getValue().toInstant()).isEqualTo(newStart);
			assertThat(e.getDateEnd().getValue().toInstant()).isEqualTo(newStart.plus(Duration.ofMinutes(90)));
		}
		assertThat(Mails.body(MeetingMailbox.to(mail, participant.email(), "Moved: meeting 3").getFirst()))
			.contains("18:00", "90 minutes", TestGroups.CAMPUS);
		// The other group hears nothing
		assertThat(MeetingMailbox.to(mail, f.participant(f.remote(), 0).email(), "Moved:")).isEmpty();

		// The coordinator cancels meeting 4: a cancellation with a higher sequence
		var cancel = post("/programmes/" + f.programme().value() + "/meetings/" + m4.id() + "/cancel").with(csrf())
			.with(as(f.staff().coordinator()));
		asksFirst(cancel, "Cancel meeting 4 of group " + f.campus().number() + "?", told,
				"Cancel the meeting and tell " + told + " people");
		assertThat(meetings.mine(f.programme(), mentor.id()).group().meetings().get(3).cancelled()).isFalse();
		mvc.perform(cancel.param("confirmed", "true"))
			.andExpect(redirectedUrl("/programmes/" + f.programme().value() + "/meetings"));
		var cancelled = Invitations.assertInvitation(
				MeetingMailbox.await(mail, participant.email(), "Cancelled: meeting 4 of Test programme", 1).getFirst(),
				"CANCEL", participant.email(), organisation);
		assertThat(cancelled.getUid().getValue()).isEqualTo(m4.uid());
		assertThat(cancelled.getSequence().getValue()).isEqualTo(1);
		// Cancelling again tells nobody again, so nothing is asked
		mvc.perform(post("/programmes/" + f.programme().value() + "/meetings/" + m4.id() + "/cancel").with(csrf())
			.with(as(f.staff().coordinator()))).andExpect(status().is3xxRedirection());

		// Meeting 5 in a room of its own
		var place = post("/programmes/" + f.programme().value() + "/meetings/" + m5.id() + "/place").with(csrf())
			.with(as(mentor))
			.param("campus", TestGroups.CAMPUS)
			.param("room", "B 201")
			.param("videoLink", "");
		asksFirst(place, "Change where meeting 5 of group " + f.campus().number() + " meets?", told,
				"Change the place and tell " + told + " people")
			.andExpect(content().string(containsString("New place: " + TestGroups.CAMPUS + ", B 201")))
			.andExpect(content().string(containsString("name=\"room\" value=\"B 201\"")));
		assertThat(meetings.mine(f.programme(), mentor.id()).group().meetings().get(4)).isEqualTo(m5);
		mvc.perform(place.param("confirmed", "true")).andExpect(redirectedUrl(mine));
		var room = Invitations.assertInvitation(
				MeetingMailbox.await(mail, participant.email(), "New place", 1).getFirst(), "REQUEST",
				participant.email(), organisation);
		assertThat(room.getUid().getValue()).isEqualTo(m5.uid());
		assertThat(room.getLocation().getValue()).isEqualTo(TestGroups.CAMPUS + ", B 201");
		assertThat(room.getSequence().getValue()).isEqualTo(1);

		// The whole group goes online: the meetings still to come that follow the group
		// move, in one mail each
		var online = post("/programmes/" + f.programme().value() + "/meetings/groups/" + f.campus().id() + "/place")
			.with(csrf())
			.with(as(f.staff().coordinator()))
			.param("campus", "")
			.param("room", "")
			.param("videoLink", "https://video.example/group1");
		// Meetings 1, 2, 3 and 6 follow the group (4 is cancelled, 5 has its own place)
		asksFirst(online, "Change where group " + f.campus().number() + " meets?", told,
				"Change the place and tell " + told + " people")
			.andExpect(content().string(containsString("4 meetings to come move to https://video.example/group1")));
		assertThat(meetings.mine(f.programme(), mentor.id()).group().place())
			.isNotEqualTo(new Place(null, null, "https://video.example/group1"));
		mvc.perform(online.param("confirmed", "true"))
			.andExpect(redirectedUrl("/programmes/" + f.programme().value() + "/meetings"));
		// One invitation per meeting (RFC 5546: one UID per scheduling message), each a
		// file of its own
		var onlineParts = Invitations.parts(MeetingMailbox.await(mail, participant.email(), "New place", 2)
			.stream()
			.filter(m -> Invitations.parts(m).size() > 2)
			.findFirst()
			.orElseThrow());
		assertThat(onlineParts).allSatisfy(part -> {
			assertThat(part.contentType()).startsWith("text/calendar").contains("method=REQUEST");
			assertThat(part.calendar().getMethod()).isEqualTo(Method.request());
			assertThat(part.event().getOrganizer().getEmail()).isEqualTo(Invitations.ORGANIZER);
			assertThat(part.event().getAttendees()).singleElement()
				.satisfies(a -> assertThat(a.getEmail()).isEqualTo(participant.email()));
		});
		assertThat(onlineParts).extracting(part -> part.event().getUid().getValue())
			.containsExactlyInAnyOrder(m1.uid(), group.meetings().get(1).uid(), m3.uid(),
					group.meetings().get(5).uid());

		// The feed has every change in place: same uids, higher sequences, the cancelled
		// one marked so
		var after = feed(token);
		assertThat(after.getEvents()).hasSize(6);
		assertThat(after.getMethod()).isEqualTo(Method.publish());
		assertThat(after.getEvents()).allSatisfy(e -> assertThat(e.getAttendees()).isEmpty());
		assertThat(after.getEvents()).extracting(e -> e.getUid().getValue())
			.containsExactlyInAnyOrderElementsOf(before.getEvents().stream().map(e -> e.getUid().getValue()).toList());
		assertThat(event(after, m3).getDateStart().getValue().toInstant()).isEqualTo(newStart);
		assertThat(event(after, m3).getSequence().getValue()).isEqualTo(2);
		assertThat(event(after, m3).getLocation().getValue()).isEqualTo("https://video.example/group1");
		assertThat(event(after, m1).getSequence().getValue()).isEqualTo(1);
		assertThat(event(after, m4).getStatus().isCancelled()).isTrue();
		assertThat(event(after, m4).getSequence().getValue()).isEqualTo(1);
		assertThat(event(after, m4).getLocation().getValue()).isEqualTo(TestGroups.CAMPUS);
		assertThat(event(after, m5).getLocation().getValue()).isEqualTo(TestGroups.CAMPUS + ", B 201");
		assertThat(event(after, m5).getSequence().getValue()).isEqualTo(1);
		for (var e : after.getEvents()) {
			var old = before.getEvents()
				.stream()
				.filter(b -> b.getUid().getValue().equals(e.getUid().getValue()))
				.findFirst()
				.orElseThrow();
			assertThat(e.getSequence().getValue()).isGreaterThanOrEqualTo(old.getSequence().getValue());
		}

		// A meeting's own file for a member: the same uid and sequence
		var file = mvc.perform(get(mine + "/" + m3.id() + "/calendar.ics").with(as(participant)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/calendar; charset=UTF-8"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var single = Biweekly.parse(file).first().getEvents().getFirst();
		assertThat(single.getUid().getValue()).isEqualTo(m3.uid());
		assertThat(single.getSequence().getValue()).isEqualTo(2);

		// A new address: the old one answers 404 at once; a made-up one too
		mvc.perform(post("/calendar/reset").with(csrf()).with(as(participant))).andExpect(redirectedUrl("/calendar"));
		mvc.perform(get("/calendar/feed/" + token + ".ics")).andExpect(status().isNotFound());
		mvc.perform(get("/calendar/feed/" + "x".repeat(43) + ".ics")).andExpect(status().isNotFound());
		var newToken = currentToken(participant);
		assertThat(newToken).isNotEqualTo(token);
		assertThat(feed(newToken).getEvents()).hasSize(6);
	}

	@Test
	void badTimesAreToldAtTheirFieldsWithWhatWasTypedAndChangeNothing() throws Exception {
		var f = publishedWithABreak();
		var mentor = f.mentor(f.campus(), 0);
		var m2 = meetings.mine(f.programme(), mentor.id()).group().meetings().get(1);
		var url = "/programmes/" + f.programme().value() + "/meetings/" + m2.id();

		mvc.perform(get(url).with(as(mentor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Meeting 2 of group " + f.campus().number())))
			.andExpect(content().string(containsString(
					"value=\"" + app.kindred.core.web.Dates.inputValue(m2.startsAt(), HELSINKI) + "\"")));
		mvc.perform(post(url + "/reschedule").with(csrf())
			.with(as(mentor))
			.param("startsAt", "2027-02-30T25:00")
			.param("minutes", "ninety"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString(
					"id=\"startsAt-error\">Please enter a date between 1 January 2000 and 31 December 2099, and a time.")))
			.andExpect(content().string(containsString("id=\"minutes-error\">Please enter a whole number.")))
			.andExpect(content().string(containsString("value=\"2027-02-30T25:00\"")))
			.andExpect(content().string(containsString("value=\"ninety\"")));
		mvc.perform(post(url + "/reschedule").with(csrf())
			.with(as(mentor))
			.param("startsAt", "2020-01-07T16:15")
			.param("minutes", "5"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"startsAt-error\">Please give a time still to come.")))
			.andExpect(content()
				.string(containsString("id=\"minutes-error\">Please give a length from 15 to 600 minutes.")));
		mvc.perform(post(url + "/place").with(csrf())
			.with(as(mentor))
			.param("campus", "Atlantis")
			.param("room", "1")
			.param("videoLink", "http://insecure.example"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"campus-error\">Please choose one of the options shown.")))
			.andExpect(content()
				.string(containsString("id=\"videoLink-error\">Please give a link that starts with https://")))
			.andExpect(content().string(containsString("value=\"http://insecure.example\"")));
		mvc.perform(post(url + "/place").with(csrf())
			.with(as(mentor))
			.param("campus", "")
			.param("room", "A 1")
			.param("videoLink", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("id=\"room-error\">A room needs a campus")))
			.andExpect(content().string(containsString("value=\"A 1\"")));
		var unchanged = meetings.mine(f.programme(), mentor.id()).group().meetings().get(1);
		assertThat(unchanged).isEqualTo(m2);

		// A cancelled meeting cannot be moved: 409, nothing changes
		meetings.cancel(f.programme(), m2.id(), mentor.id());
		mvc.perform(post(url + "/reschedule").with(csrf())
			.with(as(mentor))
			.param("startsAt", "2099-01-07T16:15")
			.param("minutes", "120"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("This meeting is cancelled. Nothing was changed.")));
		assertThat(meetings.mine(f.programme(), mentor.id()).group().meetings().get(1).sequence()).isEqualTo(1);
	}

	@Test
	void anotherGroupsMeetingsAndAStrangersFeedAreNotFound() throws Exception {
		var f = publishedWithABreak();
		var mentor = f.mentor(f.campus(), 0);
		var participant = f.participant(f.campus(), 0);
		var otherMentor = f.mentor(f.remote(), 0);
		var otherParticipant = f.participant(f.remote(), 0);
		var m1 = meetings.mine(f.programme(), mentor.id()).group().meetings().getFirst();
		var base = "/programmes/" + f.programme().value();
		var meeting = base + "/meetings/" + m1.id();

		for (var who : List.of(participant, otherMentor, otherParticipant, f.staff().outsider())) {
			mvc.perform(get(meeting).with(as(who))).andExpect(status().isNotFound());
			mvc.perform(post(meeting + "/cancel").with(csrf()).with(as(who))).andExpect(status().isNotFound());
			mvc.perform(post(meeting + "/reschedule").with(csrf())
				.with(as(who))
				.param("startsAt", "2099-01-01T10:00")
				.param("minutes", "60")).andExpect(status().isNotFound());
			mvc.perform(get(base + "/meetings/groups/" + f.campus().id()).with(as(who)))
				.andExpect(status().isNotFound());
		}
		mvc.perform(get(meeting).with(as(f.staff().teacher()))).andExpect(status().isForbidden());
		mvc.perform(get(meeting).with(as(mentor))).andExpect(status().isOk());
		// The same meeting under another programme is not there
		var elsewhere = data.programme(f.staff(), true);
		mvc.perform(get("/programmes/" + elsewhere.value() + "/meetings/" + m1.id()).with(as(f.staff().coordinator())))
			.andExpect(status().isNotFound());

		for (var who : List.of(otherMentor, otherParticipant, f.staff().coordinator())) {
			mvc.perform(get(base + "/my-meetings/" + m1.id() + "/calendar.ics").with(as(who)))
				.andExpect(status().isNotFound());
		}
		mvc.perform(get(base + "/my-meetings").with(as(f.staff().outsider()))).andExpect(status().isNotFound());
		mvc.perform(get(base + "/my-meetings").with(as(otherParticipant)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(m1.id().toString()))));
		assertThat(meetings.mine(f.programme(), participant.id()).group().meetings().getFirst().sequence()).isZero();

		// Someone else's feed: their secret is theirs; guessing gets 404 and never their
		// meetings
		var token = feedToken(participant);
		assertThat(feed(token).getEvents()).hasSize(6);
		mvc.perform(get("/calendar/feed/" + token.substring(1) + ".ics")).andExpect(status().isNotFound());
		mvc.perform(get("/calendar").with(as(otherParticipant)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(token))));
	}

	// Helpers

	private int count(ProgrammeId programme) {
		return jdbc.sql("select count(*) from meeting where programme_id = ?")
			.param(programme.value())
			.query(Integer.class)
			.single();
	}

	/** Makes the person's feed address on their page, and returns its secret. */
	private String feedToken(TestData.Person person) throws Exception {
		mvc.perform(get("/calendar").with(as(person)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Make my calendar address")));
		mvc.perform(post("/calendar/reset").with(csrf()).with(as(person))).andExpect(redirectedUrl("/calendar"));
		return currentToken(person);
	}

	private String currentToken(TestData.Person person) throws Exception {
		var page = mvc.perform(get("/calendar").with(as(person)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		var matcher = FEED.matcher(page);
		assertThat(matcher.find()).as("a feed address on the page").isTrue();
		return matcher.group(1);
	}

	/** The feed as a calendar application fetches it: without signing in. */
	private ICalendar feed(String token) throws Exception {
		var response = mvc.perform(get("/calendar/feed/" + token + ".ics"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "text/calendar; charset=UTF-8"))
			.andReturn()
			.getResponse();
		return Biweekly.parse(response.getContentAsString(StandardCharsets.UTF_8)).first();
	}

	private static VEvent event(ICalendar calendar, Meeting meeting) {
		return calendar.getEvents()
			.stream()
			.filter(e -> e.getUid().getValue().equals(meeting.uid()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no event " + meeting.uid() + " in "
					+ calendar.getEvents().stream().map(e -> e.getUid().getValue()).collect(Collectors.joining(", "))));
	}

	private static LocalTime localTime(VEvent event) {
		return LocalDateTime.ofInstant(event.getDateStart().getValue().toInstant(), HELSINKI).toLocalTime();
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

	/**
	 * Sends the change without {@code confirmed}: the confirmation page with the number
	 * of people told, and no event published (so nobody is mailed).
	 */
	private ResultActions asksFirst(MockHttpServletRequestBuilder request, String title, int told, String button)
			throws Exception {
		events.clear();
		var answer = mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>" + title + "</h1>")))
			.andExpect(content().string(containsString(told + " people will be told by e-mail: every member of group")))
			.andExpect(content().string(containsString("name=\"confirmed\" value=\"true\"")))
			.andExpect(content().string(containsString(button)));
		assertThat(events.stream().filter(PayloadApplicationEvent.class::isInstance)).isEmpty();
		return answer;
	}

}
