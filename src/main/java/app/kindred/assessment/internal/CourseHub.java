package app.kindred.assessment.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.NotFoundException;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * The mentor's course page: the course itself and every {@link CoursePart}'s section for
 * them, in the parts' order. The hub knows none of the parts; a mentor who does not take
 * the course for credits sees only what the parts offer them (a diary, where the course
 * keeps one for all), and nothing at all when none does.
 */
@Service
public class CourseHub {

	private final Courses courses;

	private final ObjectProvider<CoursePart> parts;

	CourseHub(Courses courses, ObjectProvider<CoursePart> parts) {
		this.courses = courses;
		this.parts = parts;
	}

	/** A part waiting for the student: its name, its own page and its section. */
	public record Waiting(String titleKey, String href, CoursePart.Section section) {
	}

	/**
	 * The course as one student sees it, with their sections and those waiting for them.
	 */
	public record Page(Student student, List<CoursePart.Section> sections, List<Waiting> waiting) {

		public Course course() {
			return student.course();
		}

		public String link() {
			return link(student);
		}

		static String link(Student student) {
			return "/programmes/" + student.course().programme().id() + "/course";
		}

	}

	/** A deadline of the course, named by its message key. */
	/** A deadline of the course, with the path of the part it is for. */
	public record Deadline(String key, Instant due, String path) {
	}

	/**
	 * The viewer's course page; 404 for anyone who is no mentor of the programme, and for
	 * a mentor without credits whom no part offers anything.
	 */
	@Transactional(readOnly = true)
	public Page page(ProgrammeId id, AccountId viewer) {
		return of(courses.student(id, viewer)).orElseThrow(() -> new NotFoundException("course"));
	}

	/** The student's page, if the course has anything for them. */
	@Transactional(readOnly = true)
	public Optional<Page> of(Student student) {
		var sections = new ArrayList<CoursePart.Section>();
		var waiting = new ArrayList<Waiting>();
		parts.orderedStream().sorted(Comparator.comparingInt(CoursePart::order)).forEach(part -> {
			part.forStudent(student).ifPresent(section -> {
				sections.add(section);
				if (section.needsAction()) {
					var programme = student.course().programme().id().value();
					var path = part.path().isEmpty() ? "" : "/" + part.path();
					waiting.add(new Waiting(part.titleKey(), "/programmes/" + programme + "/course" + path, section));
				}
			});
		});
		if (!student.forCredit() && sections.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Page(student, List.copyOf(sections), List.copyOf(waiting)));
	}

	/**
	 * The course's deadlines in time order, for a student taking it for credits; those
	 * the term does not fix (no end date) are left out.
	 */
	public static List<Deadline> deadlines(Course course) {
		return Stream
			.of(new Deadline("assessment.course.due.objectives", course.objectivesDue(), "objectives"),
					new Deadline("assessment.course.due.diary", course.diaryDue(), "diary"),
					new Deadline("assessment.course.due.selfEvaluation", course.selfEvaluationDue(), "self-evaluation"),
					new Deadline("assessment.course.due.peerEvaluation", course.peerEvaluationDue(), "peer"))
			.filter(d -> d.due() != null && !d.due().equals(Instant.MAX))
			.sorted(Comparator.comparing(Deadline::due))
			.toList();
	}

	/**
	 * The first deadline still ahead of a part that waits for the student: one whose part
	 * is done (objectives written) is no longer theirs to meet.
	 */
	public static Optional<Deadline> nextWaiting(Page page, Instant now) {
		return deadlines(page.course()).stream()
			.filter(d -> d.due().isAfter(now))
			.filter(d -> page.waiting().stream().anyMatch(w -> w.href().endsWith("/course/" + d.path())))
			.findFirst();
	}

}
