package app.kindred.assessment.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.validation.BindingResult;

import app.kindred.assessment.AssessmentDecided.Result;
import app.kindred.assessment.internal.Course;
import app.kindred.assessment.internal.DecisionRules;

/**
 * A decision as typed: pass or fail, the criteria ticked as met, the justification the
 * student reads. Strings, so that whatever comes back is shown again as it was.
 */
record DecisionForm(String result, List<String> criteria, String justification) {

	/** The decision, checked against the course's criteria. */
	record Checked(Result result, Set<UUID> met, String justification) {
	}

	static DecisionForm empty() {
		return new DecisionForm(null, List.of(), "");
	}

	public List<String> criteria() {
		return criteria == null ? List.of() : criteria;
	}

	public boolean ticked(UUID criterion) {
		return criteria().contains(criterion.toString());
	}

	/**
	 * The decision, or empty with each problem at its field (a forged value included).
	 */
	Optional<Checked> check(Course course, BindingResult binding) {
		Result chosen = null;
		if ("PASS".equals(result) || "FAIL".equals(result)) {
			chosen = Result.valueOf(result);
		}
		var met = new LinkedHashSet<UUID>();
		boolean forged = false;
		for (var criterion : criteria()) {
			try {
				met.add(UUID.fromString(criterion.strip()));
			}
			catch (IllegalArgumentException ex) {
				forged = true;
			}
		}
		if (forged) {
			binding.rejectValue("criteria", "assessment.decision.unknownCriterion");
		}
		for (var problem : DecisionRules.problems(course, chosen, met, justification)) {
			if (!binding.hasFieldErrors(problem.field())) {
				binding.rejectValue(problem.field(), problem.key(), problem.args(), null);
			}
		}
		return binding.hasErrors() ? Optional.empty() : Optional.of(new Checked(chosen, met, justification));
	}

}
