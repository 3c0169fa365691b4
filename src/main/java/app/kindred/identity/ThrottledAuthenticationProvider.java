package app.kindred.identity;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.TransactionException;

/**
 * Password sign-in that refuses to check passwords for an account or address with too many recent failures. The
 * "not verified yet" answer comes only after a correct password, so it does not reveal which addresses have accounts.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;
	private final SignInThrottle throttle;

	ThrottledAuthenticationProvider(AccountDirectory directory, PasswordEncoder encoder, SignInThrottle throttle) {
		this.passwords = new DaoAuthenticationProvider(directory);
		this.passwords.setPasswordEncoder(encoder);
		this.passwords.setPreAuthenticationChecks(user -> {
		});
		this.passwords.setPostAuthenticationChecks(user -> {
			if (!user.isEnabled()) {
				throw new DisabledException("e-mail not verified");
			}
		});
		this.throttle = throttle;
	}

	/**
	 * A database failure while throttling is an {@link InternalAuthenticationServiceException}, as Spring Security
	 * makes one while loading the account, so the sign-in page says the service is briefly unavailable rather than
	 * failing with a 500.
	 */
	@Override
	public Authentication authenticate(Authentication authentication) {
		try {
			return throttled(authentication);
		}
		catch (DataAccessException | TransactionException e) {
			throw new InternalAuthenticationServiceException("sign-in throttling unavailable", e);
		}
	}

	private Authentication throttled(Authentication authentication) {
		var email = Account.normalize(String.valueOf(authentication.getName()));
		var address = authentication.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress()
				: "unknown";
		if (throttle.isBlocked(email, address)) {
			throw new SignInThrottledException();
		}
		try {
			var result = passwords.authenticate(authentication);
			throttle.succeeded(email);
			return result;
		}
		catch (BadCredentialsException e) {
			throttle.failed(email, address);
			throw e;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
