package app.kindred.assessment.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.NotFoundException;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.ApplicationState;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.RecruitmentService;

/**
 * Who may see what of a credit course, decided once for every page of the module.
 * <ul>
 * <li>{@link #student}: a mentor with a place in the programme, for their own pages; the
 * course's parts for credits ({@link #creditStudent}) only for those who took it for
 * credits in a programme run as a course. Anyone else gets a 404, as if nothing were
 * there: a participant, a mentor of another programme, staff.</li>
 * <li>{@link #taught}: the organisation's teachers, for assessment; other staff 403,
 * anyone else 404 ({@link ProgrammeAccess}).</li>
 * </ul>
 */
@Service
public class Courses {

	private final ProgrammeService programmes;

	private final ProgrammeAccess access;

	private final RecruitmentService recruitment;

	private final PublishedGroups groups;

	private final CourseStore store;

	Courses(ProgrammeService programmes, ProgrammeAccess access, RecruitmentService recruitment, PublishedGroups groups,
			CourseStore store) {
		this.programmes = programmes;
		this.access = access;
		this.recruitment = recruitment;
		this.groups = groups;
		this.store = store;
	}

	/** The viewer as a mentor with a place in the programme; 404 for anyone else. */
	@Transactional(readOnly = true)
	public Student student(ProgrammeId id, AccountId viewer) {
		var programme = programmes.find(id).orElseThrow(() -> new NotFoundException("programme"));
		return studentOf(course(programme), viewer).orElseThrow(() -> new NotFoundException("course"));
	}

	/**
	 * The viewer as a mentor taking the programme's course for credits; 404 for anyone
	 * else.
	 */
	@Transactional(readOnly = true)
	public Student creditStudent(ProgrammeId id, AccountId viewer) {
		var student = student(id, viewer);
		if (!student.forCredit()) {
			throw new NotFoundException("course");
		}
		return student;
	}

	/**
	 * The course of a programme the viewer teaches; 403 for other staff, 404 for anyone
	 * else.
	 */
	@Transactional(readOnly = true)
	public Course taught(ProgrammeId id, AccountId viewer) {
		return course(access.taught(id, viewer));
	}

	/** Every mentor with a place who takes the course for credits, in arrival order. */
	@Transactional(readOnly = true)
	public List<Student> creditStudents(Course course) {
		if (!course.forCredit()) {
			return List.of();
		}
		var id = course.programme().id();
		var published = groups.groups(id);
		return recruitment.acceptedWithAnswers(id, RecruitmentRole.MENTOR)
			.stream()
			.filter(a -> a.answers().details().forCredit())
			.map(a -> new Student(course, a.account(), true, a.answers().details().studentNumber(),
					published.stream().filter(g -> g.has(a.account())).findFirst()))
			.toList();
	}

	/** The course of a programme, with its settings, outcomes and criteria. */
	@Transactional(readOnly = true)
	public Course course(ProgrammeView programme) {
		var id = programme.id();
		return Course.of(programme, store.settings(id), store.items(id, CourseStore.Kind.OUTCOME),
				store.items(id, CourseStore.Kind.CRITERION));
	}

	/** The person as a mentor of the course, if they have a place as one. */
	@Transactional(readOnly = true)
	public Optional<Student> studentOf(Course course, AccountId person) {
		var id = course.programme().id();
		var seated = recruitment.find(id, RecruitmentRole.MENTOR, person)
			.filter(s -> s.state() == ApplicationState.SEATED);
		if (seated.isEmpty()) {
			return Optional.empty();
		}
		var details = recruitment.answers(id, RecruitmentRole.MENTOR, person).map(a -> a.details());
		boolean forCredit = course.forCredit() && details.map(d -> d.forCredit()).orElse(false);
		var group = groups.groupsOf(person).stream().filter(g -> g.programme().equals(id)).findFirst();
		return Optional
			.of(new Student(course, person, forCredit, details.map(d -> d.studentNumber()).orElse(null), group));
	}

}
