package app.kindred.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;

import app.kindred.core.web.DatabaseFailures;
import app.kindred.core.web.ProblemResponses;
import app.kindred.core.web.PublicRoutes;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The one authentication manager, set explicitly on both chains. Without it Spring
	 * Security would also build a global parent manager from the user details service,
	 * which would check the password again after a throttled refusal and count every
	 * failure twice.
	 */
	@Bean
	AuthenticationManager authenticationManager(AccountDirectory directory, PasswordEncoder encoder,
			SignInThrottle throttle) {
		return new ProviderManager(new ThrottledAuthenticationProvider(directory, encoder, throttle));
	}

	@Bean
	PublicRoutes identityRoutes() {
		return () -> List.of("/sign-in", "/register", "/register/check-mail", "/verify", "/verify/resend",
				"/password/forgot", "/password/reset");
	}

	/**
	 * The JSON API: HTTP Basic on every request and no session, so a browser's session
	 * cookie never authenticates an API call and CSRF protection is not needed there.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication, ProblemResponses problems)
			throws Exception {
		return http.securityMatcher("/api/**")
			.authenticationManager(authentication)
			.authorizeHttpRequests(a -> a.anyRequest().authenticated())
			.httpBasic(
					b -> b.authenticationEntryPoint((request, response, e) -> refused(request, response, e, problems)))
			.exceptionHandling(e -> e.accessDeniedHandler(
					(request, response, denied) -> problems.write(request, response, HttpStatus.FORBIDDEN)))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.csrf(c -> c.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authentication, List<PublicRoutes> routes,
			JdbcClient jdbc) throws Exception {
		// A session whose account's password changed since it signed in ends here (on
		// every instance).
		http.addFilterAfter(new SessionFreshness(jdbc), SecurityContextHolderFilter.class);
		var open = routes.stream().flatMap(r -> r.patterns().stream()).toArray(String[]::new);
		return http.authenticationManager(authentication)
			.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
				.permitAll()
				.requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/api-docs", "/swagger-ui/**",
						"/swagger-ui.html")
				.permitAll()
				.requestMatchers(open)
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(f -> f.loginPage("/sign-in")
				.loginProcessingUrl("/sign-in")
				.usernameParameter("email")
				.passwordParameter("password")
				.failureHandler(signInFailed()))
			.logout(l -> l.logoutUrl("/sign-out").logoutSuccessUrl("/?signedOut"))
			// Content-Security-Policy and the other security headers:
			// core.web.SecurityHeaders, for every response
			.build();
	}

	/**
	 * Back to the sign-in page with the reason and the address typed, never the password.
	 */
	private static AuthenticationFailureHandler signInFailed() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
			var reason = unavailable(e) ? "unavailable" : e instanceof SignInThrottledException ? "throttled"
					: e instanceof DisabledException ? "unverified" : "bad";
			request.getSession().setAttribute(CurrentUser.SIGN_IN_EMAIL, request.getParameter("email"));
			response.sendRedirect(request.getContextPath() + "/sign-in?error=" + reason);
		};
	}

	/**
	 * The password could not be checked at all, typically because the database is away:
	 * Spring Security wraps such a failure as an
	 * {@link InternalAuthenticationServiceException}. Telling the person their password
	 * is wrong would send them to reset a password that is right.
	 */
	private static boolean unavailable(AuthenticationException e) {
		return e instanceof InternalAuthenticationServiceException || DatabaseFailures.unavailable(e);
	}

	/**
	 * The API's refusal of a request without valid credentials, or a 503 when they could
	 * not be checked.
	 */
	private static void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException e,
			ProblemResponses problems) throws IOException {
		if (unavailable(e)) {
			problems.unavailable(request, response);
			return;
		}
		response.setHeader("WWW-Authenticate", "Basic realm=\"Kindred\"");
		problems.write(request, response, HttpStatus.UNAUTHORIZED);
	}

}
