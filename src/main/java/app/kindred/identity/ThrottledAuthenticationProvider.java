package app.kindred.identity;

import java.util.List;

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
 * Password sign-in that refuses to check a password while this client must wait after
 * failing for this account (or across accounts). The "not verified yet" answer comes only
 * after a correct password, so it does not reveal which addresses have accounts. A
 * database failure in the throttle is an {@link InternalAuthenticationServiceException},
 * never a wrong password nor a bare data-access error.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final SignInThrottle throttle;

	ThrottledAuthenticationProvider(AccountDirectory directory, PasswordEncoder encoder, SignInThrottle throttle) {
		this(directory, encoder, throttle, List.of());
	}

	ThrottledAuthenticationProvider(AccountDirectory directory, PasswordEncoder encoder, SignInThrottle throttle,
			List<PasswordSignInPolicy> policies) {
		this.passwords = new DaoAuthenticationProvider(directory);
		this.passwords.setPasswordEncoder(encoder);
		this.passwords.setPreAuthenticationChecks(user -> {
		});
		this.passwords.setPostAuthenticationChecks(user -> {
			if (!user.isEnabled()) {
				throw new DisabledException("e-mail not verified");
			}
			if (user instanceof CurrentUser current
					&& !policies.stream().allMatch(p -> p.allowsPassword(current.id()))) {
				throw new PasswordSignInOffException();
			}
		});
		this.throttle = throttle;
	}

	/**
	 * Longer than any address an account can have (RFC 5321's 254); no password fits in
	 * more (BCrypt's 72 bytes).
	 */
	static final int MAX_EMAIL = 254;
	static final int MAX_PASSWORD = 1000;

	/**
	 * A database failure while throttling is an
	 * {@link InternalAuthenticationServiceException}, as Spring Security makes one while
	 * loading the account, so the sign-in page says the service is briefly unavailable
	 * rather than failing with a 500.
	 */
	@Override
	public Authentication authenticate(Authentication authentication) {
		if (!plausible(authentication)) {
			// No account can match: "not right" at once, without a look-up or a throttle
			// row for a key nobody has
			// (text PostgreSQL cannot even store, such as NUL, would otherwise read as
			// the database being away)
			throw new BadCredentialsException("implausible input");
		}
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
				? details.getRemoteAddress() : "unknown";
		var check = throttle.check(email, address);
		if (check.waitUntil().isPresent()) {
			throw new SignInThrottledException(check.waitUntil().get());
		}
		try {
			var result = passwords.authenticate(authentication);
			succeeded(check, email, address);
			return result;
		}
		catch (DisabledException | PasswordSignInOffException rightPasswordButUnverified) {
			succeeded(check, email, address);
			throw rightPasswordButUnverified;
		}
		catch (BadCredentialsException e) {
			throttle.failed(email, address);
			throw e;
		}
	}

	/**
	 * Most sign-ins have never failed: there is no count to clear, and no statement is
	 * sent for it. A failure of the same client racing this success stays counted.
	 */
	private void succeeded(SignInThrottle.Check check, String email, String address) {
		if (check.failedBefore()) {
			throttle.succeeded(email, address);
		}
	}

	private static boolean plausible(Authentication authentication) {
		var email = authentication.getName();
		var password = authentication.getCredentials() instanceof String p ? p : "";
		return email != null && email.length() <= MAX_EMAIL && password.length() <= MAX_PASSWORD
				&& email.chars().noneMatch(c -> Character.isISOControl(c) || Character.isSurrogate((char) c));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
