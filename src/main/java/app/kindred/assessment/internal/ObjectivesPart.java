package app.kindred.assessment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.identity.AccountId;

/**
 * The mentor's own objectives on the course page (how many are written, and by when) and
 * on a teacher's page about the mentor (each objective with the outcome it is against).
 */
@Component
class ObjectivesPart implements CoursePart {

	private final ObjectiveService objectives;

	private final Clock clock;

	ObjectivesPart(ObjectiveService objectives, Clock clock) {
		this.objectives = objectives;
		this.clock = clock;
	}

	/** The student's card: the status, the deadline (null if none) and the page. */
	public record Card(String link, Instant due, boolean late, boolean revisable) {
	}

	/** An objective as the teacher reads it, with its outcome's text (null if none). */
	public record Line(String text, String outcome) {
	}

	@Override
	public String titleKey() {
		return "assessment.objectives.title";
	}

	@Override
	public String path() {
		return "objectives";
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public Optional<Section> forStudent(Student student) {
		if (!student.forCredit()) {
			return Optional.empty();
		}
		var written = objectives.objectives(student).size();
		var revisable = objectives.revisable(student);
		var due = student.course().objectivesDue();
		var late = clock.instant().isAfter(due);
		var link = "/programmes/" + student.course().programme().id() + "/course/objectives";
		return Optional.of(new Section("assessment/objectives-fragments :: objectivesCard",
				new Card(link, due.equals(Instant.MAX) ? null : due, late, revisable), statusKey(written),
				List.of(written, Objective.MOST), revisable && written < Objective.FEWEST));
	}

	@Override
	public Optional<Section> forTeacher(Student student, AccountId teacher) {
		if (!student.forCredit()) {
			return Optional.empty();
		}
		var language = Language.of(LocaleContextHolder.getLocale());
		var outcomes = student.course().outcomes();
		var lines = objectives.objectives(student)
			.stream()
			.map(o -> new Line(o.text(),
					outcomes.stream()
						.filter(i -> i.id().equals(o.outcome()))
						.findFirst()
						.map(i -> i.text(language))
						.orElse(null)))
			.toList();
		return Optional.of(new Section("assessment/objectives-fragments :: objectivesForTeacher", lines,
				statusKey(lines.size()), List.of(lines.size(), Objective.MOST), false));
	}

	private static String statusKey(int written) {
		return written == 0 ? "assessment.objectives.status.none" : "assessment.objectives.status.written";
	}

}
