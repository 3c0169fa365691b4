package app.kindred.assessment.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.core.web.Dates;
import app.kindred.identity.AccountId;

/**
 * The self-evaluation on the course page (not yet, waiting for the objectives, or when it
 * was submitted) and, once submitted, on a teacher's page about the mentor: every rating
 * and the reflection, read-only.
 */
@Component
class SelfEvaluationPart implements CoursePart {

	/** How long before its deadline a missing self-evaluation asks for the mentor. */
	static final Duration DUE_SOON = Duration.ofDays(14);

	private final SelfEvaluationService evaluations;

	private final ObjectiveService objectives;

	private final Dates dates;

	private final Clock clock;

	SelfEvaluationPart(SelfEvaluationService evaluations, ObjectiveService objectives, Dates dates, Clock clock) {
		this.evaluations = evaluations;
		this.objectives = objectives;
		this.dates = dates;
		this.clock = clock;
	}

	/** The student's card: the deadline (null if none), whether it passed, the page. */
	public record Card(String link, Instant due, boolean late, boolean submitted) {
	}

	/** What the teacher reads: the subjects rated, the evaluation (null if not in). */
	public record Reading(List<SelfEvaluationService.Subject> subjects, SelfEvaluation evaluation, int scale) {
	}

	@Override
	public String titleKey() {
		return "assessment.selfEvaluation.title";
	}

	@Override
	public String path() {
		return "self-evaluation";
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public Optional<Section> forStudent(Student student) {
		if (!student.forCredit()) {
			return Optional.empty();
		}
		var evaluation = evaluations.evaluation(student);
		var due = student.course().selfEvaluationDue();
		var now = clock.instant();
		var link = "/programmes/" + student.course().programme().id() + "/course/self-evaluation";
		var card = new Card(link, due.equals(Instant.MAX) ? null : due, now.isAfter(due), evaluation.isPresent());
		boolean dueSoon = !due.equals(Instant.MAX) && now.isAfter(due.minus(DUE_SOON));
		return Optional.of(new Section("assessment/objectives-fragments :: selfEvaluationCard", card,
				statusKey(student, evaluation), statusArgs(evaluation), evaluation.isEmpty() && dueSoon));
	}

	@Override
	public Optional<Section> forTeacher(Student student, AccountId teacher) {
		if (!student.forCredit()) {
			return Optional.empty();
		}
		var evaluation = evaluations.evaluation(student);
		var language = Language.of(LocaleContextHolder.getLocale());
		var reading = new Reading(evaluations.subjects(student, language), evaluation.orElse(null),
				student.course().ratingScale());
		return Optional.of(new Section(
				"assessment/objectives-fragments :: selfEvaluationForTeacher", reading, evaluation.isPresent()
						? "assessment.selfEvaluation.status.submitted" : "assessment.selfEvaluation.status.notYet",
				statusArgs(evaluation), false));
	}

	private String statusKey(Student student, Optional<SelfEvaluation> evaluation) {
		if (evaluation.isPresent()) {
			return "assessment.selfEvaluation.status.submitted";
		}
		return objectives.objectives(student).size() < Objective.FEWEST
				? "assessment.selfEvaluation.status.objectivesFirst" : "assessment.selfEvaluation.status.notYet";
	}

	private List<Object> statusArgs(Optional<SelfEvaluation> evaluation) {
		return evaluation.<List<Object>>map(e -> List.of(dates.dateTime(e.submittedAt()))).orElse(List.of());
	}

}
