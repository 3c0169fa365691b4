package app.kindred;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.grouping.internal.FormationService;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeSettings;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.CallService;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.SignUpAnswers;
import app.kindred.training.TrainingService;
import org.awaitility.Awaitility;

/**
 * Takes a programme to published groups the way a coordinator does: slots in the call,
 * two mentors and four participants per slot signed up, the solver run, the proposal
 * published. A slot with a campus makes an on-campus group there; without, a remote
 * group.
 */
@Component
public class TestGroups {

	public static final String CAMPUS = "Kampus Aurora";

	public static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	public static final String VIDEO_LINK = "https://video.example/room";

	/** A weekly time for a group, on a campus or remote (campus null). */
	public record Slot(String key, String campus) {
	}

	/** The people of one slot, mentors first, by account. */
	public record Cohort(ProgrammeId programme, Map<AccountId, TestData.Person> people) {

		public TestData.Person person(AccountId id) {
			return people.get(id);
		}
	}

	private final TestData data;

	private final CallService calls;

	private final RecruitmentService recruitment;

	private final TrainingService training;

	private final FormationService formations;

	private final PublishedGroups published;

	private final JdbcClient jdbc;

	TestGroups(TestData data, CallService calls, RecruitmentService recruitment, TrainingService training,
			FormationService formations, PublishedGroups published, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.data = data;
		this.calls = calls;
		this.recruitment = recruitment;
		this.training = training;
		this.formations = formations;
		this.published = published;
	}

	/**
	 * Published programme settings with these meetings, remote and on the test campus,
	 * recruitment open now.
	 */
	public ProgrammeSettings settings(LocalDate termStart, int meetingCount, int intervalWeeks) {
		var now = data.now();
		return new ProgrammeSettings(EligibilityKind.NONE, null, true, VIDEO_LINK, true,
				List.of(CAMPUS, "Kampus Borealis"), termStart, termStart.plusDays(120), now.minus(Duration.ofDays(1)),
				now.plus(Duration.ofDays(20)), 10, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(39)), 40, 3,
				210, meetingCount, 120, intervalWeeks, 10, 4, 2, false, false, false, null, null, null, null, null,
				null, true, "Coordinator", "coordinator@test.example");
	}

	/**
	 * Signs up two mentors (trained enough: none needed) and four participants for each
	 * slot.
	 */
	public Cohort signUp(TestData.Staff staff, ProgrammeId programme, List<Slot> slots) {
		return signUp(staff, programme, slots, false);
	}

	/**
	 * As {@link #signUp(TestData.Staff, ProgrammeId, List)}, the mentors taking the
	 * programme for credits when {@code forCredit}, with student numbers S1000, S1001, …
	 */
	public Cohort signUp(TestData.Staff staff, ProgrammeId programme, List<Slot> slots, boolean forCredit) {
		var coordinator = staff.coordinator().id();
		training.changeRequiredTrainings(programme, 0, coordinator);
		var people = new LinkedHashMap<AccountId, TestData.Person>();
		for (var slot : slots) {
			calls.addSlot(programme, Call.Slot.ofKey(slot.key()).orElseThrow(), coordinator);
		}
		int studentNumber = 1000;
		for (var slot : slots) {
			for (int i = 0; i < 6; i++) {
				var role = i < 2 ? RecruitmentRole.MENTOR : RecruitmentRole.PARTICIPANT;
				var person = data.person((i < 2 ? "mentor" : "participant") + i + slot.key().toLowerCase());
				boolean credit = forCredit && role == RecruitmentRole.MENTOR;
				var details = new SignUpAnswers.Details(slot.campus() == null ? List.of() : List.of(slot.campus()),
						Map.of(slot.key(), Call.Availability.PREFERRED), credit, credit ? "S" + studentNumber++ : null,
						null, Map.of(), List.of());
				recruitment.signUp(recruitment.programme(programme), role, person.id(),
						new SignUpAnswers(EnumSet.of(Language.EN),
								slot.campus() == null ? SignUpAnswers.Delivery.REMOTE : SignUpAnswers.Delivery.CAMPUS,
								null, role == RecruitmentRole.MENTOR ? "To help." : null, null, false, details));
				people.put(person.id(), person);
			}
		}
		return new Cohort(programme, people);
	}

	/**
	 * A published programme in its term: two groups (a remote one at 10.15, one on campus
	 * at 16.15) of two mentors and four participants, on yesterday's weekday, whose
	 * meetings 1-3 are held (yesterday the last) and 4-6 to come.
	 */
	public record Term(TestData.Staff staff, ProgrammeId programme, Cohort cohort, PublishedGroups.Group first,
			PublishedGroups.Group second) {

		public TestData.Person mentor(PublishedGroups.Group group, int i) {
			return cohort.person(group.mentors().get(i));
		}

		public List<TestData.Person> participants(PublishedGroups.Group group) {
			return group.members()
				.stream()
				.filter(m -> !group.mentors().contains(m.person()))
				.map(m -> cohort.person(m.person()))
				.toList();
		}

		public String workspace(PublishedGroups.Group group) {
			return "/programmes/" + programme.value() + "/groups/" + group.id() + "/workspace";
		}
	}

	public Term threeMeetingsHeld(boolean shareRoster) {
		var yesterday = LocalDate.now(HELSINKI).minusDays(1);
		return threeMeetingsHeld(settings(yesterday.minusWeeks(2), 6, 1).withShareRoster(shareRoster), false);
	}

	/**
	 * As {@link #threeMeetingsHeld(boolean)}, run as the 3-credit course (9 + 18 + 27 +
	 * 27 h, pass or fail) that every mentor takes for credits, with student numbers S1000
	 * to S1003; nothing of the course itself (its outcomes, criteria, or any mentor's
	 * work) is there yet.
	 */
	public Term creditCourse() {
		var yesterday = LocalDate.now(HELSINKI).minusDays(1);
		return threeMeetingsHeld(creditSettings(yesterday.minusWeeks(2), 6, 1), true);
	}

	/**
	 * As {@link #settings(LocalDate, int, int)}, run as the 3-credit course (9 + 18 + 27
	 * + 27 h, pass or fail).
	 */
	public ProgrammeSettings creditSettings(LocalDate termStart, int meetingCount, int intervalWeeks) {
		var s = settings(termStart, meetingCount, intervalWeeks);
		return new ProgrammeSettings(s.eligibilityKind(), s.eligibilityValue(), s.remote(), s.videoLink(), s.onCampus(),
				s.campuses(), s.termStart(), s.termEnd(), s.mentorCallOpens(), s.mentorCallCloses(), s.mentorSeats(),
				s.signupOpens(), s.signupCloses(), s.participantSeats(), s.trainingCount(), s.trainingMinutes(),
				s.meetingCount(), s.meetingMinutes(), s.meetingIntervalWeeks(), s.groupMax(), s.groupMin(),
				s.mentorsPerGroup(), s.allowThreeMentors(), s.shareRoster(), true, 3, 9, 18, 27, 27,
				ProgrammeSettings.Grading.PASS_FAIL, s.certificate(), s.contactName(), s.contactEmail());
	}

	private Term threeMeetingsHeld(ProgrammeSettings settings, boolean forCredit) {
		var staff = data.staff();
		var day = settings.termStart().plusWeeks(2).getDayOfWeek().name().substring(0, 3);
		var programme = data.programme(staff, true, settings);
		var cohort = signUp(staff, programme, List.of(new Slot(day + "1015", null), new Slot(day + "1615", CAMPUS)),
				forCredit);
		var groups = publish(staff, programme);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("select count(*) from meeting where programme_id = ?")
				.param(programme.value())
				.query(Integer.class)
				.single() == 12);
		return new Term(staff, programme, cohort,
				groups.stream().filter(g -> g.slot().endsWith("1015")).findFirst().orElseThrow(),
				groups.stream().filter(g -> g.slot().endsWith("1615")).findFirst().orElseThrow());
	}

	/** Forms the groups with the solver and publishes them; returns them by number. */
	public List<PublishedGroups.Group> publish(TestData.Staff staff, ProgrammeId programme) {
		var coordinator = staff.coordinator().id();
		formations.start(programme, Duration.ofSeconds(2), coordinator);
		Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
			var overview = formations.overview(programme, coordinator);
			return overview.running().isEmpty() && overview.proposal().isPresent();
		});
		published.publish(programme, coordinator);
		return new ArrayList<>(published.groups(programme));
	}

}
