package app.kindred.training.web;

import java.util.Optional;

import org.springframework.validation.BindingResult;

import app.kindred.core.web.TypedFields;

/**
 * How many trainings make a mentor ready, as typed: a string, so a wrong value (text,
 * NUL, a repeated parameter) comes back at its field with what was typed rather than as a
 * bare 400 page.
 */
record RuleForm(String minimum) {

	static final int MAX = 20;

	/**
	 * The number, or empty with the problem at the field (one message: a value binding
	 * refused is not checked again).
	 */
	Optional<Integer> check(BindingResult result) {
		if (result.hasFieldErrors("minimum")) {
			return Optional.empty();
		}
		int value = (int) TypedFields.number(minimum, 0, MAX, "minimum", "training.rule.invalid", result);
		return result.hasErrors() ? Optional.empty() : Optional.of(value);
	}
}
