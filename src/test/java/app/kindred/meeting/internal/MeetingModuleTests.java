package app.kindred.meeting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

import app.kindred.TestData;
import app.kindred.grouping.GroupsPublished;
import app.kindred.identity.AccountId;
import app.kindred.meeting.Meeting;
import app.kindred.meeting.MeetingReminderDue;
import app.kindred.meeting.Place;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.RecruitmentRole;

/**
 * The meeting module on its own with the modules it uses, without mail: grouping's
 * {@link GroupsPublished} makes each group's meetings at its weekly time, passing over
 * the programme's breaks, where the group meets, and delivered again makes none; a sweep
 * of the reminders claims each member's reminder of a meeting within the window once. The
 * scheduled sweep is held off, so that only the test sweeps.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@Import(TestData.class)
@TestPropertySource(properties = "kindred.reminders.every=PT1H")
class MeetingModuleTests {

	static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	static final String CAMPUS = "Kampus Aurora";

	private final TestData data;

	private final MeetingService meetings;

	private final Reminders reminders;

	private final MeetingStore store;

	private final JdbcClient jdbc;

	MeetingModuleTests(TestData data, MeetingService meetings, Reminders reminders, MeetingStore store,
			JdbcClient jdbc) {
		this.data = data;
		this.meetings = meetings;
		this.reminders = reminders;
		this.store = store;
		this.jdbc = jdbc;
	}

	/** A published group as grouping stores it: one mentor and one participant. */
	record Group(UUID id, AccountId mentor, AccountId participant) {
	}

	@Test
	void publishedGroupsGetTheirMeetingsOnceAtTheirWeeklyTimesWhereTheyMeet(Scenario scenario) {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var termStart = meetings.overview(programme, staff.coordinator().id()).programme().settings().termStart();
		var firstTuesday = termStart.with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
		meetings.addBreak(programme, firstTuesday.plusWeeks(1), firstTuesday.plusWeeks(1), staff.coordinator().id());
		var onCampus = group(programme, 1, "TUE1615", CAMPUS).id();
		var remote = group(programme, 2, "THU1015", null).id();
		var published = new GroupsPublished(programme, List.of(onCampus, remote));

		scenario.publish(published)
			.andWaitForStateChange(() -> meetingsOf(programme), made -> made.size() == 12)
			.andVerify(made -> {
				var tuesdays = made.stream().filter(m -> m.group().equals(onCampus)).toList();
				assertThat(tuesdays).extracting(Meeting::number).containsExactly(1, 2, 3, 4, 5, 6);
				// The break's week left out, the rhythm kept
				assertThat(tuesdays).extracting(m -> LocalDateTime.ofInstant(m.startsAt(), HELSINKI))
					.containsExactly(firstTuesday.atTime(16, 15), firstTuesday.plusWeeks(2).atTime(16, 15),
							firstTuesday.plusWeeks(3).atTime(16, 15), firstTuesday.plusWeeks(4).atTime(16, 15),
							firstTuesday.plusWeeks(5).atTime(16, 15), firstTuesday.plusWeeks(6).atTime(16, 15));
				assertThat(tuesdays).allSatisfy(m -> {
					assertThat(m.minutes()).isEqualTo(120);
					assertThat(m.place()).isEqualTo(new Place(CAMPUS, null, null));
					assertThat(m.sequence()).isZero();
					assertThat(m.cancelled()).isFalse();
				});
				var thursdays = made.stream().filter(m -> m.group().equals(remote)).toList();
				assertThat(thursdays).extracting(m -> LocalDateTime.ofInstant(m.startsAt(), HELSINKI).getDayOfWeek())
					.containsOnly(DayOfWeek.THURSDAY);
				assertThat(thursdays).allSatisfy(
						m -> assertThat(m.place()).isEqualTo(new Place(null, null, "https://video.example/room")));
			});
		// Where each group meets is kept for changes to come
		assertThat(venues(programme)).isEqualTo(2);

		// Delivered again (after a crash, say): groups that have meetings are left alone.
		// What each delivery runs, here in this thread (the listener itself runs apart)
		meetings.scheduleGroups(programme);
		assertThat(meetingsOf(programme)).hasSize(12);
		assertThat(venues(programme)).isEqualTo(2);
	}

	@Test
	void aSweepRemindsEachMemberOnceOfAMeetingWithinTheWindow(Scenario scenario) {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var group = group(programme, 1, "WED1015", null);
		meetings.scheduleGroups(programme);
		var first = store.ofGroup(group.id()).getFirst();
		var soon = data.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
		meetings.reschedule(programme, first.id(), soon, 90, group.mentor());

		scenario.stimulate(reminders::remind)
			.andWaitForEventOfType(MeetingReminderDue.class)
			.matching(due -> due.meeting().id().equals(first.id()))
			.toArriveAndVerify(due -> {
				assertThat(due.meeting().startsAt()).isEqualTo(soon);
				assertThat(due.member()).isIn(group.mentor(), group.participant());
			});
		assertThat(claims(first.id())).containsExactlyInAnyOrder(group.mentor().value(), group.participant().value());

		// The next sweep finds both claimed and claims nothing of this meeting again
		reminders.remind();
		assertThat(claims(first.id())).hasSize(2);
	}

	private Group group(ProgrammeId programme, int number, String slot, String campus) {
		var id = UUID.randomUUID();
		jdbc.sql("""
				insert into published_group (id, programme_id, number, slot, language, campus, published_at)
				values (?, ?, ?, ?, 'EN', ?, ?)""")
			.params(id, programme.value(), number, slot, campus, Timestamp.from(data.now()))
			.update();
		var mentor = member(programme, id, RecruitmentRole.MENTOR);
		return new Group(id, mentor, member(programme, id, RecruitmentRole.PARTICIPANT));
	}

	private AccountId member(ProgrammeId programme, UUID group, RecruitmentRole role) {
		var person = data.person(role.name().toLowerCase()).id();
		jdbc.sql("insert into group_member (group_id, programme_id, account_id, role) values (?, ?, ?, ?)")
			.params(group, programme.value(), person.value(), role.name())
			.update();
		return person;
	}

	private List<UUID> claims(UUID subject) {
		return jdbc.sql("select account_id from reminder_claim where subject_id = ?")
			.param(subject)
			.query(UUID.class)
			.list();
	}

	private List<Meeting> meetingsOf(ProgrammeId programme) {
		return store.ofProgramme(programme);
	}

	private int venues(ProgrammeId programme) {
		return jdbc.sql("select count(*) from meeting_venue where programme_id = ?")
			.param(programme.value())
			.query(Integer.class)
			.single();
	}

}
