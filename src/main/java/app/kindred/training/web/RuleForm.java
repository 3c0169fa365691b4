package app.kindred.training.web;

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
	 * The number, or -1 with the problem at the field (one message: a value binding
	 * refused is not checked again).
	 */
	int check(BindingResult result) {
		if (result.hasFieldErrors("minimum")) {
			return -1;
		}
		int value = (int) TypedFields.number(minimum, 0, MAX, "minimum", "training.rule.invalid", result);
		return result.hasErrors() ? -1 : value;
	}
}
