package app.kindred.identity;

import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/**
 * Refused without checking the password: this client must wait until {@link #retryAt()}
 * for this account.
 */
class SignInThrottledException extends AuthenticationException {

	private final transient Instant retryAt;

	SignInThrottledException(Instant retryAt) {
		super("sign-in delayed until " + retryAt);
		this.retryAt = retryAt;
	}

	Instant retryAt() {
		return retryAt;
	}

}
