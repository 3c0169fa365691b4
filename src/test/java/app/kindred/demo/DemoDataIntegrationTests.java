package app.kindred.demo;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.jdbc.support.JdbcUtils;

import app.kindred.identity.AccountService;
import app.kindred.programme.ProgrammeService;
import app.kindred.recruitment.CallService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.core.Language;
import app.kindred.demo.internal.DemoCohort;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.training.TrainingService;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.kindred.demo.internal.DemoMeetingPhase;
import app.kindred.grouping.PublishedGroups;
import app.kindred.meeting.internal.MeetingService;
import app.kindred.meeting.internal.WorkspaceService;
import app.kindred.programme.ProgrammeView;
import app.kindred.training.MentorSession;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import app.kindred.assessment.CourseResults;
import app.kindred.assessment.ReadingLists;
import app.kindred.assessment.internal.AssessmentService;
import app.kindred.assessment.internal.Courses;
import app.kindred.assessment.internal.DiaryEntry;
import app.kindred.assessment.internal.DiaryService;
import app.kindred.assessment.internal.ObjectiveService;
import app.kindred.assessment.internal.Occasion;
import app.kindred.assessment.internal.PeerReviewService;
import app.kindred.assessment.internal.SelfEvaluationService;
import app.kindred.assessment.internal.Student;
import app.kindred.assessment.internal.WorkloadPart;
import app.kindred.assessment.internal.WorkloadService;
import app.kindred.demo.internal.DemoCourse;
import app.kindred.identity.AccountId;
import app.kindred.meeting.MeetingAttendance;
import app.kindred.training.Readiness;

/**
 * Demo data appears on the embedded database when switched on, and never on PostgreSQL.
 */
@ActiveProfiles("dev") // the development mailbox
@SpringBootTest(properties = { "kindred.demo.enabled=true", "spring.mail.host=" })
@AutoConfigureMockMvc
class DemoDataIntegrationTests {

	private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	@Autowired
	AccountService accounts;

	@Autowired
	ProgrammeService programmes;

	@Autowired
	CallService calls;

	@Autowired
	RecruitmentService recruitment;

	@Autowired
	TrainingService training;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PublishedGroups groups;

	@Autowired
	WorkspaceService workspaces;

	@Autowired
	MeetingService meetings;

	@Autowired
	Clock clock;

	@Autowired
	Courses courses;

	@Autowired
	AssessmentService assessments;

	@Autowired
	ObjectiveService objectives;

	@Autowired
	DiaryService diaries;

	@Autowired
	WorkloadService workloads;

	@Autowired
	SelfEvaluationService selfEvaluations;

	@Autowired
	PeerReviewService peers;

	@Autowired
	ReadingLists readingLists;

	@Autowired
	CourseResults results;

	@Autowired
	MeetingAttendance attendance;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void seedsOnlyTheEmbeddedDatabase() throws Exception {
		var product = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
		var seeded = accounts.findByEmail("coordinator" + DemoData.DOMAIN).isPresent();
		if (product.equals("H2")) {
			assertThat(seeded).isTrue();
			assertThat(programmes.published()).extracting(p -> p.text(Language.EN).name())
				.anySatisfy(name -> assertThat(name).startsWith("Compassion mentoring for doctoral students, autumn"))
				.contains(DemoMeetingPhase.NAME_EN);
			// Both demo sign-ups ask for weekly times, so the form shows its whole range
			var demo = programmes.published()
				.stream()
				.filter(p -> p.organisationName().equals("Revontuli University (demo)"))
				.toList();
			// One programme has its people signed up and its mentors trained, ready for
			// forming groups
			var cohort = demo.stream()
				.filter(p -> p.text(Language.EN).name().contains("ready to form groups"))
				.findFirst()
				.orElseThrow();
			assertThat(recruitment.accepted(cohort.id(), RecruitmentRole.PARTICIPANT)).hasSize(DemoCohort.PARTICIPANTS);
			assertThat(training.readyMentors(cohort.id())).hasSize(DemoCohort.MENTORS);
			assertThat(demo).hasSize(3)
				.allSatisfy(p -> assertThat(calls.call(p, RecruitmentRole.PARTICIPANT).slots()).isNotEmpty());
			// Everyone in the demo has a name of their own, and an address made from it
			var people = jdbc.sql("select display_name, email from account where email like ?")
				.param("%" + DemoData.DOMAIN)
				.query((row, n) -> List.of(row.getString(1), row.getString(2)))
				.list();
			assertThat(people)
				.hasSize(6 + DemoCohort.MENTORS + DemoCohort.PARTICIPANTS + DemoMeetingPhase.NAMES.size());
			assertThat(people).extracting(p -> p.getFirst()).doesNotHaveDuplicates();
			assertThat(people).filteredOn(p -> DemoCohort.NAMES.contains(p.getFirst()))
				.hasSize(DemoCohort.MENTORS + DemoCohort.PARTICIPANTS)
				.allSatisfy(p -> assertThat(p.get(1)).isEqualTo(DemoCohort.email(p.getFirst(), DemoData.DOMAIN))
					.matches("[a-z]+\\.[a-z]+@demo\\.kindred\\.test"));
			assertThat(DemoCohort.email("Väinö Åkerlund-Fernández", DemoData.DOMAIN))
				.isEqualTo("vaino.akerlund-fernandez@demo.kindred.test");
			demo.forEach(this::plausibleTimes);
			meetingPhase(demo);
			course(demo);
		}
		else {
			assertThat(product).isEqualTo("PostgreSQL");
			assertThat(seeded).isFalse();
		}
	}

	/**
	 * Trainings and meetings start on a weekday between 08:00 and 20:00 in Helsinki, none
	 * before the call it belongs to opened: as a real programme's would, whenever the
	 * demo was first started.
	 */
	private void plausibleTimes(ProgrammeView programme) {
		var coordinator = accounts.findByEmail("coordinator" + DemoData.DOMAIN).orElseThrow().id();
		var settings = programme.settings();
		var trainings = training.sessions(programme.id(), coordinator).stream().map(MentorSession::startsAt).toList();
		var held = jdbc.sql("select starts_at from meeting where programme_id = ?")
			.param(programme.id().value())
			.query((row, n) -> row.getObject(1, OffsetDateTime.class).toInstant())
			.list();
		for (var start : trainings) {
			assertThat(start).as("a training of %s", programme.text(Language.EN).name())
				.satisfies(DemoDataIntegrationTests::workingHours)
				.isAfterOrEqualTo(settings.mentorCallOpens());
		}
		for (var start : held) {
			assertThat(start).as("a meeting of %s", programme.text(Language.EN).name())
				.satisfies(DemoDataIntegrationTests::workingHours)
				.isAfterOrEqualTo(settings.mentorCallOpens())
				.isAfterOrEqualTo(settings.signupOpens());
		}
		assertThat(settings.mentorCallOpens()).isBefore(settings.mentorCallCloses());
		assertThat(settings.signupOpens()).isBefore(settings.signupCloses());
	}

	private static void workingHours(Instant start) {
		var local = start.atZone(HELSINKI);
		assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
		assertThat(local.toLocalTime()).isBetween(LocalTime.of(8, 0), LocalTime.of(20, 0));
	}

	/**
	 * The programme in its meeting phase: the demo's mentor (trained) and participant in
	 * one published group with a co-mentor, its first four meetings held with attendance
	 * and a debrief, the other two ahead; the other group has held three; one request for
	 * staff attention open. Under the default certificate rule (every training attended
	 * or readiness given, four meetings of the group held) the campus group's mentors
	 * qualify and the online group's are one meeting short, one of them ready by the
	 * coordinator's decision after missing a training.
	 */
	private void meetingPhase(List<ProgrammeView> demo) {
		var programme = demo.stream()
			.filter(p -> p.text(Language.EN).name().equals(DemoMeetingPhase.NAME_EN))
			.findFirst()
			.orElseThrow();
		var mentor = accounts.findByEmail("mentor" + DemoData.DOMAIN).orElseThrow().id();
		var participant = accounts.findByEmail("participant" + DemoData.DOMAIN).orElseThrow().id();
		var published = groups.groups(programme.id());
		assertThat(published).hasSize(2);
		var theirs = published.stream().filter(g -> g.has(mentor)).findFirst().orElseThrow();
		assertThat(theirs.members()).contains(new PublishedGroups.GroupMember(mentor, RecruitmentRole.MENTOR),
				new PublishedGroups.GroupMember(participant, RecruitmentRole.PARTICIPANT));
		assertThat(theirs.mentors()).hasSize(2);
		assertThat(training.readyMentors(programme.id())).contains(mentor);
		// Their own pages (my-meetings) have their group
		assertThat(meetings.mine(programme.id(), participant).group().group().id()).isEqualTo(theirs.id());
		assertThat(meetings.mine(programme.id(), mentor).mentor()).isTrue();

		var now = clock.instant();
		for (var group : published) {
			var rows = workspaces.workspace(programme.id(), group.id(), group.mentors().getFirst()).meetings();
			assertThat(rows).hasSize(DemoMeetingPhase.MEETINGS);
			var past = rows.stream().filter(r -> r.meeting().startsAt().isBefore(now)).toList();
			int held = group.equals(theirs) ? DemoMeetingPhase.HELD_ON_CAMPUS : DemoMeetingPhase.HELD_ONLINE;
			assertThat(past).hasSize(held)
				.allSatisfy(r -> assertThat(r.roll()).isNotNull())
				.allSatisfy(r -> assertThat(r.debrief()).isTrue());
			assertThat(past).extracting(r -> r.roll().count())
				.anySatisfy(n -> assertThat(n).isLessThan(group.members().size()));
			assertThat(rows.stream().filter(r -> !r.meeting().startsAt().isBefore(now)))
				.allSatisfy(r -> assertThat(r.roll()).isNull())
				.allSatisfy(r -> assertThat(r.debrief()).isFalse());
		}
		var open = jdbc.sql("""
				select a.group_id from group_attention a join programme p on p.id = a.programme_id
				where p.organisation_id = ? and a.resolved_at is null""")
			.param(programme.organisation().value())
			.query(UUID.class)
			.list();
		assertThat(open).containsExactly(theirs.id());
		certificateRule(programme, theirs, published);
	}

	/**
	 * What the default certificate rule reads: the campus group's mentors have four
	 * meetings of their group held, the online group's three; every mentor attended the
	 * three trainings except one of the online group, whom the coordinator found ready.
	 */
	private void certificateRule(ProgrammeView programme, PublishedGroups.Group theirs,
			List<PublishedGroups.Group> published) {
		assertThat(DemoMeetingPhase.HELD_ON_CAMPUS).isEqualTo(4);
		assertThat(DemoMeetingPhase.HELD_ONLINE).isEqualTo(3);
		var online = published.stream().filter(g -> !g.equals(theirs)).findFirst().orElseThrow();
		assertThat(online.language()).isEqualTo(Language.FI);
		for (var mentor : theirs.mentors()) {
			assertThat(attendance.heldWith(programme.id(), mentor)).hasSize(DemoMeetingPhase.HELD_ON_CAMPUS);
		}
		for (var mentor : online.mentors()) {
			assertThat(attendance.heldWith(programme.id(), mentor)).hasSize(DemoMeetingPhase.HELD_ONLINE);
		}
		var coordinator = accounts.findByEmail("coordinator" + DemoData.DOMAIN).orElseThrow().id();
		var readiness = training.readiness(programme.id(), coordinator);
		assertThat(readiness).hasSize(4).allSatisfy(r -> assertThat(r.ready()).isTrue());
		var starting = person(DemoMeetingPhase.NAMES.get(7));
		assertThat(online.mentors()).contains(starting);
		assertThat(readiness).filteredOn(r -> !r.byRule())
			.singleElement()
			.satisfies(r -> assertThat(r.mentor()).isEqualTo(starting))
			.satisfies(r -> assertThat(r.trainingsAttended()).isEqualTo(2))
			.satisfies(r -> assertThat(r.overridden()).isTrue())
			.extracting(Readiness::overrideReason)
			.asString()
			.contains("second training");
	}

	/**
	 * The programme in its meeting phase is the credit course SZ00CM31, set up with its
	 * outcomes, criteria and reading list, and its four credit-seeking mentors are
	 * part-way through, each at a different point, and the one far along has passed (so a
	 * course certificate can be issued); the teacher's overview lists them, the others
	 * without a decision yet.
	 */
	private void course(List<ProgrammeView> demo) throws Exception {
		var programme = demo.stream()
			.filter(p -> p.text(Language.EN).name().equals(DemoMeetingPhase.NAME_EN))
			.findFirst()
			.orElseThrow();
		assertThat(programme.texts()).containsOnlyKeys(Language.EN, Language.FI, Language.SV);
		assertThat(programme.text(Language.FI).name()).startsWith("Hyvinvoinnin ja elämänhallinnan tukeminen");
		var settings = programme.settings();
		assertThat(settings.creditCourse()).isTrue();
		assertThat(settings.credits()).isEqualTo(3);
		assertThat(List.of(settings.workloadFamiliarisation(), settings.workloadTraining(), settings.workloadGroups(),
				settings.workloadLiterature()))
			.containsExactly(9, 18, 27, 27);
		var teacher = accounts.findByEmail("teacher" + DemoData.DOMAIN).orElseThrow().id();
		var course = courses.taught(programme.id(), teacher);
		assertThat(course.code()).isEqualTo(DemoCourse.CODE);
		assertThat(course.outcomes()).hasSize(4)
			.allSatisfy(o -> assertThat(o.texts()).containsOnlyKeys(Language.EN, Language.FI, Language.SV));
		assertThat(course.criteria()).hasSize(4)
			.allSatisfy(c -> assertThat(c.texts()).containsOnlyKeys(Language.EN, Language.FI, Language.SV));

		var mentor = accounts.findByEmail("mentor" + DemoData.DOMAIN).orElseThrow().id();
		var coMentor = person(DemoMeetingPhase.NAMES.getFirst());
		var farAlong = person(DemoMeetingPhase.NAMES.get(6));
		var starting = person(DemoMeetingPhase.NAMES.get(7));
		assertThat(workloads.readingOf(programme.id(), mentor).items()).extracting(i -> i.citation())
			.containsExactlyElementsOf(readingLists.supportingWellbeing());

		var overview = assessments.overview(programme.id(), teacher);
		assertThat(overview.rows()).extracting(r -> r.student().account())
			.containsExactlyInAnyOrder(mentor, coMentor, farAlong, starting);
		assertThat(overview.rows()).allSatisfy(r -> assertThat(r.student().studentNumber()).matches("2[12]\\d{5}"));
		assertThat(overview.rows()).filteredOn(r -> r.inForce().isPresent())
			.singleElement()
			.satisfies(r -> assertThat(r.student().account()).isEqualTo(farAlong))
			.satisfies(r -> assertThat(r.inForce().orElseThrow().decision().passed()).isTrue());
		assertThat(results.passed(programme.id())).containsOnlyKeys(farAlong)
			.extractingByKey(farAlong)
			.satisfies(p -> assertThat(p.code()).isEqualTo(DemoCourse.CODE))
			.satisfies(p -> assertThat(p.credits()).isEqualTo(3))
			.satisfies(p -> assertThat(p.outcomes()).containsOnlyKeys(Language.EN, Language.FI, Language.SV));

		// The demo's own mentor: objectives, three entries (one shared), hours, half the
		// reading; the evaluations left for whoever tries the demo
		var mira = student(course, mentor);
		assertThat(objectives.objectives(mira)).hasSize(3);
		var diary = diaries.diaryOf(mira);
		assertThat(diary.entries()).extracting(DiaryEntry::occasion)
			.containsExactlyInAnyOrder(Occasion.TRAINING, Occasion.MEETING, null);
		assertThat(diary.sharedCount()).isEqualTo(1);
		assertThat(diary.submitted()).isEmpty();
		var work = workloads.workload(mira);
		assertThat(work.parts()).filteredOn(p -> !p.logged().isEmpty())
			.extracting(p -> p.part())
			.containsExactlyInAnyOrder(WorkloadPart.FAMILIARISATION, WorkloadPart.GROUPS, WorkloadPart.LITERATURE);
		assertThat(work.reading().read()).isEqualTo(2);
		assertThat(selfEvaluations.evaluation(mira)).isEmpty();
		assertThat(peers.overviewOf(mira).written()).isZero();
		diary.entries().forEach(e -> assertThat(diaries.participantNamed(mira, e.text())).as(e.text()).isEmpty());

		// Her co-mentor has made a start
		var saara = student(course, coMentor);
		assertThat(objectives.objectives(saara)).hasSize(2);
		assertThat(diaries.diaryOf(saara).sharedCount()).isEqualTo(1);
		assertThat(workloads.workload(saara).parts()).anySatisfy(p -> assertThat(p.logged()).isNotEmpty());

		// The Finnish group: one far along, one starting; they have evaluated each other
		var henna = student(course, farAlong);
		assertThat(objectives.objectives(henna)).hasSize(3);
		var handedIn = diaries.diaryOf(henna);
		assertThat(handedIn.submitted()).isPresent();
		assertThat(handedIn.entries()).hasSize(3).allSatisfy(e -> assertThat(e.shared()).isTrue());
		handedIn.entries().forEach(e -> assertThat(diaries.participantNamed(henna, e.text())).as(e.text()).isEmpty());
		assertThat(workloads.workload(henna).reading().read()).isEqualTo(3);
		assertThat(selfEvaluations.evaluation(henna)).isPresent();
		var matias = student(course, starting);
		assertThat(objectives.objectives(matias)).hasSize(2);
		assertThat(diaries.diaryOf(matias).entries()).isEmpty();
		assertThat(selfEvaluations.evaluation(matias)).isEmpty();
		for (var student : List.of(henna, matias)) {
			var other = peers.overviewOf(student).coMentors().getFirst();
			assertThat(other.id()).isEqualTo(student == henna ? starting : farAlong);
			assertThat(other.written()).isTrue();
			assertThat(other.theirsState()).isEqualTo(PeerReviewService.Theirs.REVEALED);
			assertThat(peers.forTeacher(student).received()).hasSize(1);
		}
		pages(programme, farAlong);
	}

	/**
	 * What a newcomer sees: the demo mentor's course pages and the teacher's, filled in.
	 */
	private void pages(ProgrammeView programme, AccountId farAlong) throws Exception {
		var base = "/programmes/" + programme.id().value();
		var mentor = user(users.loadUserByUsername("mentor" + DemoData.DOMAIN));
		mvc.perform(get(base + "/course").with(mentor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(DemoCourse.CODE)));
		mvc.perform(get(base + "/course/objectives").with(mentor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("closing round")));
		for (var page : List.of("/course/diary", "/course/workload", "/course/reading", "/course/self-evaluation",
				"/course/peer", "/course/result")) {
			mvc.perform(get(base + page).with(mentor)).andExpect(status().isOk());
		}
		var teacher = user(users.loadUserByUsername("teacher" + DemoData.DOMAIN));
		mvc.perform(get(base + "/assessment").with(teacher))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mira Mentor")));
		mvc.perform(get(base + "/assessment/" + farAlong.value()).with(teacher))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2198024")));
	}

	private AccountId person(String name) {
		return accounts.findByEmail(DemoCohort.email(name, DemoData.DOMAIN)).orElseThrow().id();
	}

	private Student student(app.kindred.assessment.internal.Course course, AccountId person) {
		var student = courses.studentOf(course, person).orElseThrow();
		assertThat(student.forCredit()).isTrue();
		return student;
	}

}
