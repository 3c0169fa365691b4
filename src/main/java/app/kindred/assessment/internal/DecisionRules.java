package app.kindred.assessment.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import app.kindred.assessment.AssessmentDecided.Result;

/**
 * What a teacher's decision must say, checked once for the form (each problem at its
 * field) and again by the service, and when a mentor's assessment is overdue.
 * <ul>
 * <li>A written justification of 20 to 4000 characters: the student reads it, and a word
 * or two tells them nothing.</li>
 * <li>Only the course's own criteria may be ticked.</li>
 * <li>A pass finds every criterion met; a fail names what is missing, so at least one
 * criterion stays unticked (a course without criteria has only the justification to say
 * it).</li>
 * </ul>
 */
public final class DecisionRules {

	public static final int JUSTIFICATION_MIN = 20;

	public static final int JUSTIFICATION_MAX = 4000;

	/** A problem with the decision as typed: its field, message key and arguments. */
	public record Problem(String field, String key, Object... args) {
	}

	private DecisionRules() {
	}

	public static List<Problem> problems(Course course, Result result, Set<UUID> met, String justification) {
		var problems = new ArrayList<Problem>();
		if (result == null) {
			problems.add(new Problem("result", "assessment.decision.resultRequired"));
		}
		var criteria = course.criteria().stream().map(Course.Item::id).toList();
		if (!criteria.containsAll(met)) {
			problems.add(new Problem("criteria", "assessment.decision.unknownCriterion"));
		}
		else if (result == Result.PASS && !met.containsAll(criteria)) {
			problems.add(new Problem("criteria", "assessment.decision.passMeetsAll"));
		}
		else if (result == Result.FAIL && !criteria.isEmpty() && met.containsAll(criteria)) {
			problems.add(new Problem("criteria", "assessment.decision.failNamesMissing"));
		}
		int length = justification == null ? 0 : justification.strip().length();
		if (length < JUSTIFICATION_MIN || length > JUSTIFICATION_MAX) {
			// As text, so that 4000 is not written 4,000 or 4 000 by the message's locale
			problems.add(new Problem("justification", "assessment.decision.justificationLength",
					String.valueOf(JUSTIFICATION_MIN), String.valueOf(JUSTIFICATION_MAX), String.valueOf(length)));
		}
		return problems;
	}

	/**
	 * Overdue once assessment was due (the set weeks after the term ends): a mentor with
	 * no decision, and one failed longer ago than the assessment period, who has had as
	 * long to supplement as the teacher had to assess and should be decided on again.
	 */
	public static boolean overdue(Course course, Optional<Decision> inForce, Instant now) {
		if (!now.isAfter(course.assessmentDue())) {
			return false;
		}
		return inForce
			.map(d -> !d.passed() && d.decidedAt().plus(Duration.ofDays(7L * course.assessmentWeeks())).isBefore(now))
			.orElse(true);
	}

}
