package app.kindred.assessment.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.validation.BindingResult;

import app.kindred.assessment.internal.Course;
import app.kindred.assessment.internal.SelfEvaluationService;
import app.kindred.assessment.internal.SelfEvaluationService.Subject;

/**
 * A self-evaluation as typed: a rating per outcome and objective by its id
 * ({@code ratings[<id>]}) and the reflection. {@code confirmed} is what the check step's
 * buttons send: absent before it, {@code true} to submit, {@code false} to change it.
 */
record SelfEvaluationForm(Map<String, String> ratings, String reflection, Boolean confirmed) {

	SelfEvaluationForm {
		ratings = ratings == null ? new HashMap<>() : new HashMap<>(ratings);
		reflection = reflection == null ? "" : reflection;
	}

	static SelfEvaluationForm blank() {
		return new SelfEvaluationForm(Map.of(), "", null);
	}

	/** The ratings of the subjects shown, by id; null where none or not a number. */
	Map<UUID, Integer> parsed(List<Subject> subjects) {
		var parsed = new LinkedHashMap<UUID, Integer>();
		for (var subject : subjects) {
			var typed = ratings.get(subject.id().toString());
			Integer rating = null;
			if (typed != null) {
				try {
					rating = Integer.valueOf(typed.strip());
				}
				catch (NumberFormatException ex) {
					// not a rating: told as missing
				}
			}
			parsed.put(subject.id(), rating);
		}
		return parsed;
	}

	String text() {
		return reflection.strip();
	}

	/** The rating typed for a subject, as the radio group shows it. */
	public String rating(UUID subject) {
		return ratings.getOrDefault(subject.toString(), "");
	}

	static String ratingField(UUID subject) {
		return "ratings[" + subject + "]";
	}

	boolean check(SelfEvaluationService service, Course course, List<Subject> subjects, BindingResult result) {
		for (var problem : service.problems(course, subjects, parsed(subjects), text())) {
			result.rejectValue(problem.subject() == null ? "reflection" : ratingField(problem.subject()),
					problem.key());
		}
		return !result.hasErrors();
	}

}
