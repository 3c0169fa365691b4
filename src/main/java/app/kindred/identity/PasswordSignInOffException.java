package app.kindred.identity;

import org.springframework.security.authentication.AccountStatusException;

/**
 * The password was right, but the account's organisation signs its staff in only through
 * its identity provider.
 */
class PasswordSignInOffException extends AccountStatusException {

	PasswordSignInOffException() {
		super("password sign-in is off for this account");
	}

}
