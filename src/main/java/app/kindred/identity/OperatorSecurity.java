package app.kindred.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Operations endpoints: health (with its probes) and info are open, for load balancers
 * and orchestrators; every other actuator endpoint (metrics, and any added later) needs
 * the operator account from {@code KINDRED_OPERATOR_USER} and
 * {@code KINDRED_OPERATOR_PASSWORD} over HTTP Basic. Without both variables there is no
 * operator, and those endpoints answer 401 to everyone. Kindred's own accounts never sign
 * in here, and a browser session does not count.
 */
@Configuration(proxyBeanMethods = false)
class OperatorSecurity {

	static final String OPERATOR = "OPERATOR";

	@Bean
	@Order(0)
	SecurityFilterChain operations(HttpSecurity http, PasswordEncoder encoder,
			@Value("${kindred.operator.user:}") String user, @Value("${kindred.operator.password:}") String password)
			throws Exception {
		boolean configured = StringUtils.hasText(user) && StringUtils.hasText(password);
		// Hashed at the operator's first sign-in, not at start, where BCrypt took 4 % of
		// the main thread
		var hash = SingletonSupplier.of(() -> encoder.encode(password));
		UserDetailsService operators = name -> {
			if (!configured || !user.equalsIgnoreCase(name)) {
				throw new UsernameNotFoundException("not the operator");
			}
			// A new one each time: a successful sign-in erases the password it returned
			return User.withUsername(user).password(hash.obtain()).roles(OPERATOR).build();
		};
		var provider = new DaoAuthenticationProvider(operators);
		provider.setPasswordEncoder(encoder);
		return http.securityMatcher("/actuator", "/actuator/**")
			.authenticationManager(new ProviderManager(provider))
			.authorizeHttpRequests(a -> a.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
				.permitAll()
				.anyRequest()
				.hasRole(OPERATOR))
			.httpBasic(b -> b.realmName("Kindred operations"))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.requestCache(c -> c.disable())
			.csrf(c -> c.disable())
			.build();
	}

}
