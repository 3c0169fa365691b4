package app.kindred.assessment.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import app.kindred.core.HomeContributor;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.RecruitmentService;

/**
 * The course's part of Home: for a mentor taking it (or keeping the diary the course
 * offers all) their course page, the next deadline and a task for each part that waits
 * for them; for the teachers of a programme run for credits the assessment page and when
 * its decisions are due.
 */
@Component
class CourseHome implements HomeContributor {

	private final RecruitmentService recruitment;

	private final ProgrammeService programmes;

	private final ProgrammeAccess access;

	private final Courses courses;

	private final CourseHub hub;

	private final MessageSource messages;

	private final AssessmentService assessment;

	CourseHome(RecruitmentService recruitment, ProgrammeService programmes, ProgrammeAccess access, Courses courses,
			CourseHub hub, MessageSource messages, AssessmentService assessment) {
		this.assessment = assessment;
		this.messages = messages;
		this.recruitment = recruitment;
		this.programmes = programmes;
		this.access = access;
		this.courses = courses;
		this.hub = hub;
	}

	/** A student's course on Home: the next deadline is null when none is ahead. */
	record Mine(UUID programme, String code, int credits, boolean forCredit, CourseHub.Deadline next, int waiting) {

		public String link() {
			return "/programmes/" + programme + "/course";
		}

	}

	/** A taught course on Home. */
	record Taught(UUID programme, String code, int credits, Instant assessmentDue) {

		public String link() {
			return "/programmes/" + programme + "/assessment";
		}

		public String settings() {
			return "/programmes/" + programme + "/course/settings";
		}

	}

	@Override
	public List<Part> parts(Viewer viewer) {
		var account = new AccountId(viewer.account());
		var parts = new ArrayList<Part>();
		for (var id : recruitment.acceptedIn(account, RecruitmentRole.MENTOR)) {
			var programme = programmes.find(id);
			if (programme.isEmpty()) {
				continue;
			}
			var course = courses.course(programme.get());
			courses.studentOf(course, account).flatMap(hub::of).ifPresent(page -> parts.add(mine(page, viewer)));
		}
		for (var staffed : access.staffedBy(account)) {
			if (staffed.teacher() && staffed.programme().settings().creditCourse()) {
				var course = courses.course(staffed.programme());
				var data = new Taught(staffed.programme().id().value(), course.code(), course.credits(),
						course.assessmentDue());
				parts.add(Part.of(data.programme(), Role.TEACHER, 60, "assessment/home", "teacher", data)
					.needing(teacherTasks(staffed.programme().id(), account, data.link())));
			}
		}
		return parts;
	}

	/**
	 * What waits for a teacher: mentors with work to read (a part of theirs asking for
	 * the teacher, such as a diary entry shared or changed since read) and decisions
	 * overdue.
	 */
	private List<Task> teacherTasks(ProgrammeId id, AccountId teacher, String link) {
		var overview = assessment.overview(id, teacher);
		long toRead = overview.rows()
			.stream()
			.filter(row -> row.parts().stream().flatMap(Optional::stream).anyMatch(s -> s.needsAction()))
			.count();
		long overdue = overview.rows().stream().filter(AssessmentService.Row::overdue).count();
		var tasks = new ArrayList<Task>();
		if (toRead > 0) {
			tasks.add(new Task("home.course.toRead", List.of(toRead), link));
		}
		if (overdue > 0) {
			tasks.add(new Task("home.course.overdue", List.of(overdue), link));
		}
		return tasks;
	}

	private Part mine(CourseHub.Page page, Viewer viewer) {
		var course = page.course();
		var waiting = page.waiting();
		var data = new Mine(course.programme().id().value(), course.code(), course.credits(),
				page.student().forCredit(),
				page.student().forCredit() ? CourseHub.nextWaiting(page, viewer.now()).orElse(null) : null,
				waiting.size());
		// "Learning diary: no entries yet", linking to the part's own page
		var locale = viewer.language().locale();
		var tasks = waiting.stream()
			.map(w -> new Task("home.course.task",
					List.of(messages.getMessage(w.titleKey(), null, locale),
							messages.getMessage(w.section().statusKey(), w.section().args(), locale)),
					w.href()))
			.toList();
		return Part.of(data.programme(), Role.MENTOR, 60, "assessment/home", "student", data).needing(tasks);
	}

}
