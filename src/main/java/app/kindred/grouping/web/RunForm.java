package app.kindred.grouping.web;

import org.springframework.validation.BindingResult;

import app.kindred.core.web.TypedFields;

/**
 * How long the solver may run, as typed: a string, so a wrong value (text, NUL, a
 * repeated parameter) comes back at its field with what was typed rather than as a bare
 * 400 page.
 */
record RunForm(String seconds) {

	static final int MIN_SECONDS = 5;
	static final int MAX_SECONDS = 300;

	static RunForm initial() {
		return new RunForm("30");
	}

	/**
	 * The limit in seconds, or -1 with the problem at the field (one message: a value
	 * binding refused is not checked again).
	 */
	int check(BindingResult result) {
		if (result.hasFieldErrors("seconds")) {
			return -1;
		}
		int value = (int) TypedFields.number(seconds, MIN_SECONDS, MAX_SECONDS, "seconds", "grouping.seconds.invalid",
				result);
		return result.hasErrors() ? -1 : value;
	}
}
