package app.kindred.assessment.internal;

import java.util.List;
import java.util.Optional;

import app.kindred.identity.AccountId;

/**
 * One part of the credit course (objectives, diary, workload, self- and peer evaluation,
 * the result), as it shows itself on the mentor's course page and on a teacher's page
 * about a mentor. The course page and the assessment pages know none of the parts: they
 * draw what each part returns, in order, as Home does with its contributors.
 */
public interface CoursePart {

	/** Where the part stands among the others: objectives first, the result last. */
	int order();

	/** The message key of the part's name, for lists that name it (Home's tasks). */
	default String titleKey() {
		return "assessment.course.parts";
	}

	/**
	 * The part's own page under the course ({@code /programmes/{id}/course/<path>});
	 * empty for the course page itself.
	 */
	default String path() {
		return "";
	}

	/**
	 * The part on the student's own course page; empty where it does not apply to them.
	 */
	Optional<Section> forStudent(Student student);

	/**
	 * The part on a teacher's page about one student, only with what the teacher may read
	 * (shared diary entries, revealed peer evaluations); empty where it does not apply.
	 */
	Optional<Section> forTeacher(Student student, AccountId teacher);

	/**
	 * What a part shows: a fragment of the module's templates
	 * ({@code "assessment/x :: y"}) with its data as {@code section.data()}, a one-line
	 * status (a message key with its arguments) for lists, whether it waits for the
	 * person looking, and links.
	 */
	record Section(String fragment, Object data, String statusKey, List<Object> statusArgs, boolean needsAction) {

		public Section {
			statusArgs = statusArgs == null ? List.of() : List.copyOf(statusArgs);
		}

		public Object[] args() {
			return statusArgs.toArray();
		}

	}

}
