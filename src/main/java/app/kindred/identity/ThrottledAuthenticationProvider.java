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
 * Password sign-in that refuses to check a password while this client must wait after failing for this account (or
 * across accounts). The "not verified yet" answer comes only after a correct password, so it does not reveal which
 * addresses have accounts. A database failure in the throttle is an {@link InternalAuthenticationServiceException},
 * never a wrong password nor a bare data-access error.
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
		var wait = guarded(() -> throttle.waitUntil(email, address));
		if (wait.isPresent()) {
			throw new SignInThrottledException(wait.get());
		}
		try {
			var result = passwords.authenticate(authentication);
			guarded(() -> {
				throttle.succeeded(email, address);
				return null;
			});
			return result;
		}
		catch (DisabledException rightPasswordButUnverified) {
			guarded(() -> {
				throttle.succeeded(email, address);
				return null;
			});
			throw rightPasswordButUnverified;
		}
		catch (BadCredentialsException e) {
			guarded(() -> {
				throttle.failed(email, address);
				return null;
			});
			throw e;
		}
	}

	private static <T> T guarded(java.util.function.Supplier<T> step) {
		try {
			return step.get();
		}
		catch (DataAccessException e) {
			throw new InternalAuthenticationServiceException("sign-in throttle unavailable", e);
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
