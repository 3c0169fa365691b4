package app.kindred.assessment.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.identity.AccountId;

/**
 * The course's last part, the teacher's decision: on the student's course page whether
 * one was made and, after a fail, that they may supplement; on the teacher's page every
 * decision so far.
 */
@Component
class ResultPart implements CoursePart {

	static final int ORDER = 60;

	/** The student's card: the programme to link to and the decision in force, if any. */
	public record Card(UUID programme, Optional<DecisionHistory.Entry> inForce) {

		public boolean failed() {
			return inForce.map(e -> !e.decision().passed()).orElse(false);
		}

	}

	private final DecisionHistory history;

	ResultPart(DecisionHistory history) {
		this.history = history;
	}

	@Override
	public String titleKey() {
		return "assessment.result.part";
	}

	@Override
	public String path() {
		return "result";
	}

	@Override
	public int order() {
		return ORDER;
	}

	@Override
	public Optional<Section> forStudent(Student student) {
		if (!student.forCredit()) {
			return Optional.empty();
		}
		var decisions = history.of(student);
		var inForce = decisions.stream().findFirst();
		return Optional.of(new Section("assessment/result-fragments :: student",
				new Card(student.course().programme().id().value(), inForce), status(inForce), List.of(),
				inForce.map(e -> !e.decision().passed()).orElse(false)));
	}

	@Override
	public Optional<Section> forTeacher(Student student, AccountId teacher) {
		if (!student.forCredit()) {
			return Optional.empty();
		}
		var decisions = history.of(student);
		return Optional.of(new Section("assessment/result-fragments :: teacher", decisions,
				// A decision still to make waits for the teacher only once it is overdue,
				// which
				// the overview and Home tell apart
				status(decisions.stream().findFirst()), List.of(), false));
	}

	private static String status(Optional<DecisionHistory.Entry> inForce) {
		return inForce
			.map(e -> e.decision().passed() ? "assessment.result.status.passed" : "assessment.result.status.failed")
			.orElse("assessment.result.status.none");
	}

}
