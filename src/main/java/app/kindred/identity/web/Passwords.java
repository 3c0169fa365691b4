package app.kindred.identity.web;

import org.springframework.validation.BindingResult;

import app.kindred.identity.AccountService;

/** The checks a new password gets on every form that sets one. */
final class Passwords {

	private Passwords() {
	}

	static void check(String password, String confirmation, String field, String confirmationField, BindingResult result) {
		if (!result.hasFieldErrors(field) && !AccountService.passwordFits(password)) {
			result.rejectValue(field, "password.tooLong");
		}
		if (!result.hasFieldErrors(confirmationField) && password != null && !password.equals(confirmation)) {
			result.rejectValue(confirmationField, "password.mismatch");
		}
	}
}
