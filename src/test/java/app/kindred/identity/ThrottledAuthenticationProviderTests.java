package app.kindred.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

class ThrottledAuthenticationProviderTests {

	/**
	 * A database that does not answer (here one without the throttle's table) must not
	 * pass for a wrong password nor escape as a bare data-access error: the sign-in page
	 * tells the person the service is briefly unavailable.
	 */
	@Test
	void aDatabaseFailureInTheThrottleIsAnInternalAuthenticationError() {
		var database = new DriverManagerDataSource("jdbc:h2:mem:throttle-without-tables", "sa", "");
		var settings = new SignInSettings(3, 100, Duration.ofMinutes(15), Duration.ofDays(1), 3, 10,
				Duration.ofHours(1));
		var throttle = new SignInThrottle(JdbcClient.create(database), Clock.systemUTC(), settings);
		var provider = new ThrottledAuthenticationProvider(new AccountDirectory(null, JdbcClient.create(database)),
				PasswordEncoderFactories.createDelegatingPasswordEncoder(), throttle);

		assertThatThrownBy(() -> provider
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("someone@test.example", "a password")))
			.isInstanceOf(InternalAuthenticationServiceException.class);
	}

}
