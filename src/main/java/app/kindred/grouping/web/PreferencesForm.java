package app.kindred.grouping.web;

import java.util.Optional;

import org.springframework.validation.BindingResult;

import app.kindred.core.web.TypedFields;
import app.kindred.grouping.internal.FormationPreferences;
import app.kindred.grouping.internal.FormationProblem;

/**
 * The weights of the preferences and the department limit, as typed: strings, so a wrong
 * value comes back at its field with what was typed.
 */
record PreferencesForm(String placeParticipant, String earlierSignUp, String preferredSlot, String coMentorWish,
		String experiencedMentor, String departmentMix, String balancedSizes, String maxFromSameDepartment) {

	static final long MAX_WEIGHT = 1_000_000;
	static final int MAX_DEPARTMENT = 50;

	static PreferencesForm of(FormationPreferences preferences) {
		var w = preferences.weights();
		return new PreferencesForm(String.valueOf(w.placeParticipant()), String.valueOf(w.earlierSignUp()),
				String.valueOf(w.preferredSlot()), String.valueOf(w.coMentorWish()),
				String.valueOf(w.experiencedMentor()), String.valueOf(w.departmentMix()),
				String.valueOf(w.balancedSizes()), String.valueOf(preferences.maxFromSameDepartment()));
	}

	/** The checked preferences, or empty with each problem at its field. */
	Optional<FormationPreferences> check(BindingResult result) {
		var weights = new FormationProblem.Weights(weight(placeParticipant, "placeParticipant", result),
				weight(earlierSignUp, "earlierSignUp", result), weight(preferredSlot, "preferredSlot", result),
				weight(coMentorWish, "coMentorWish", result), weight(experiencedMentor, "experiencedMentor", result),
				weight(departmentMix, "departmentMix", result), weight(balancedSizes, "balancedSizes", result));
		long department = TypedFields.number(maxFromSameDepartment, 1, MAX_DEPARTMENT, "maxFromSameDepartment",
				"grouping.preferences.departmentRange", result);
		if (result.hasErrors()) {
			return Optional.empty();
		}
		return Optional.of(new FormationPreferences(weights, (int) department));
	}

	private static long weight(String value, String field, BindingResult result) {
		return TypedFields.number(value, 0, MAX_WEIGHT, field, "grouping.preferences.weightRange", result);
	}
}
