package app.kindred.assessment.internal;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.assessment.AssessmentDecided;
import app.kindred.assessment.AssessmentDecided.Result;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeId;

/**
 * The teachers' assessment: every credit-seeking mentor with where each part of the
 * course stands and the decision in force, one mentor's page with the parts a teacher may
 * read and the decisions so far, a new decision, and the mentor's own result.
 */
@Service
public class AssessmentService {

	/**
	 * A mentor on the overview: the decision in force, and each part's section in the
	 * order of the overview's columns (empty where the part does not apply).
	 */
	public record Row(Student student, String name, Optional<DecisionHistory.Entry> inForce,
			List<Optional<CoursePart.Section>> parts, boolean overdue) {
	}

	/** The credit students, with a column per part of the course, named by its order. */
	public record Overview(Course course, List<Integer> parts, List<Row> rows, boolean due) {
	}

	public record MentorPage(Course course, Student student, String name, String email,
			List<CoursePart.Section> sections, List<DecisionHistory.Entry> history, boolean overdue) {
	}

	/** The mentor's own result: the decision in force and those before it. */
	public record ResultPage(Course course, Student student, Optional<DecisionHistory.Entry> inForce,
			List<DecisionHistory.Entry> earlier) {
	}

	private final Courses courses;

	private final DecisionStore store;

	private final DecisionHistory history;

	private final List<CoursePart> parts;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AssessmentService(Courses courses, DecisionStore store, DecisionHistory history, List<CoursePart> parts,
			Accounts accounts, ApplicationEventPublisher events, Clock clock) {
		this.courses = courses;
		this.store = store;
		this.history = history;
		this.parts = parts.stream().sorted(Comparator.comparingInt(CoursePart::order)).toList();
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Overview overview(ProgrammeId id, AccountId teacher) {
		var course = courses.taught(id, teacher);
		var students = courses.creditStudents(course);
		var names = accounts.findAll(students.stream().map(Student::account).toList());
		var now = clock.instant();
		var rows = students.stream().map(s -> {
			var inForce = history.of(s).stream().findFirst();
			var name = names.containsKey(s.account()) ? names.get(s.account()).displayName() : "";
			return new Row(s, name, inForce, parts.stream().map(p -> p.forTeacher(s, teacher)).toList(),
					DecisionRules.overdue(course, inForce.map(DecisionHistory.Entry::decision), now));
		}).toList();
		return new Overview(course, parts.stream().map(CoursePart::order).toList(), rows,
				now.isAfter(course.assessmentDue()));
	}

	@Transactional(readOnly = true)
	public MentorPage mentor(ProgrammeId id, AccountId mentor, AccountId teacher) {
		var student = taughtStudent(id, mentor, teacher);
		var account = accounts.find(mentor).orElseThrow(() -> new NotFoundException("mentor"));
		var decisions = history.of(student);
		return new MentorPage(student.course(), student, account.displayName(), account.email(),
				sections(student, teacher), decisions, DecisionRules.overdue(student.course(),
						decisions.stream().findFirst().map(DecisionHistory.Entry::decision), clock.instant()));
	}

	/**
	 * A new decision, kept beside the earlier ones; the mentor is told its result.
	 * Refused (422, at the field) as the form would refuse it.
	 */
	@Transactional
	public Decision decide(ProgrammeId id, AccountId mentor, AccountId teacher, Result result, Set<UUID> met,
			String justification) {
		var student = taughtStudent(id, mentor, teacher);
		var problems = DecisionRules.problems(student.course(), result, met, justification);
		if (!problems.isEmpty()) {
			throw Refused.invalid(problems.getFirst().field(), problems.getFirst().key());
		}
		var decision = new Decision(UUID.randomUUID(), mentor, result, justification.strip(), met, teacher,
				clock.instant(), null);
		store.insert(student.course().programme().id(), decision);
		events.publishEvent(new AssessmentDecided(student.course().programme().id(), mentor, result));
		return decision;
	}

	@Transactional(readOnly = true)
	public ResultPage result(ProgrammeId id, AccountId viewer) {
		var student = courses.creditStudent(id, viewer);
		var decisions = history.of(student);
		return new ResultPage(student.course(), student, decisions.stream().findFirst(),
				decisions.stream().skip(1).toList());
	}

	/**
	 * The mentor as a credit student of a course the viewer teaches; a forged id (a
	 * participant, a mentor without credits, anyone) is a 404.
	 */
	Student taughtStudent(ProgrammeId id, AccountId mentor, AccountId teacher) {
		var course = courses.taught(id, teacher);
		return courses.creditStudents(course)
			.stream()
			.filter(s -> s.account().equals(mentor))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("mentor"));
	}

	private List<CoursePart.Section> sections(Student student, AccountId teacher) {
		return parts.stream().flatMap(p -> p.forTeacher(student, teacher).stream()).toList();
	}

}
