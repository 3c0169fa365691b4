package app.kindred.identity.web;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import app.kindred.identity.internal.PasswordPolicy;

/**
 * The checks a new password gets on every form that sets one: length, strength, and the
 * confirmation.
 */
@Component
class Passwords {

	private final PasswordPolicy policy;

	Passwords(PasswordPolicy policy) {
		this.policy = policy;
	}

	/**
	 * {@code email} and {@code displayName} are whose password it is: a password built
	 * from them is refused.
	 */
	void check(String password, String confirmation, String email, String displayName, String field,
			String confirmationField, BindingResult result) {
		if (!result.hasFieldErrors(field)) {
			policy.weakness(password, email, displayName).ifPresent(reason -> result.rejectValue(field, reason));
		}
		if (!result.hasFieldErrors(confirmationField) && password != null && !password.equals(confirmation)) {
			result.rejectValue(confirmationField, "password.mismatch");
		}
	}

}
