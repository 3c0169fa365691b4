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
		long[] weights = new long[7];
		String[] names = { "placeParticipant", "earlierSignUp", "preferredSlot", "coMentorWish", "experiencedMentor",
				"departmentMix", "balancedSizes" };
		String[] values = { placeParticipant, earlierSignUp, preferredSlot, coMentorWish, experiencedMentor,
				departmentMix, balancedSizes };
		for (int i = 0; i < names.length; i++) {
			weights[i] = TypedFields.number(values[i], 0, MAX_WEIGHT, names[i], "grouping.preferences.weightRange",
					result);
		}
		long department = TypedFields.number(maxFromSameDepartment, 1, MAX_DEPARTMENT, "maxFromSameDepartment",
				"grouping.preferences.departmentRange", result);
		if (result.hasErrors()) {
			return Optional.empty();
		}
		return Optional.of(new FormationPreferences(new FormationProblem.Weights(weights[0], weights[1], weights[2],
				weights[3], weights[4], weights[5], weights[6]), (int) department));
	}
}
