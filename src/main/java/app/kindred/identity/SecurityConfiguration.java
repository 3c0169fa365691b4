package app.kindred.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.servlet.LocaleResolver;

import app.kindred.core.web.PublicRoutes;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The one authentication manager, set explicitly on both chains. Without it Spring Security would also build a
	 * global parent manager from the user details service, which would check the password again after a throttled
	 * refusal and count every failure twice.
	 */
	@Bean
	AuthenticationManager authenticationManager(AccountDirectory directory, PasswordEncoder encoder,
			SignInThrottle throttle) {
		return new ProviderManager(new ThrottledAuthenticationProvider(directory, encoder, throttle));
	}

	@Bean
	PublicRoutes identityRoutes() {
		return () -> List.of("/sign-in", "/register", "/register/check-mail", "/verify", "/verify/resend", "/password/forgot", "/password/reset");
	}

	/**
	 * The JSON API: HTTP Basic on every request and no session, so a browser's session cookie never authenticates an
	 * API call and CSRF protection is not needed there.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication, MessageSource messages,
			LocaleResolver locales) throws Exception {
		return http.securityMatcher("/api/**")
			.authenticationManager(authentication)
			.authorizeHttpRequests(a -> a.anyRequest().authenticated())
			.httpBasic(b -> b.authenticationEntryPoint((request, response, e) -> problem(request, response,
					HttpStatus.UNAUTHORIZED, messages, locales)))
			.exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> problem(request, response,
					HttpStatus.FORBIDDEN, messages, locales)))
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.csrf(c -> c.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authentication, List<PublicRoutes> routes)
			throws Exception {
		var open = routes.stream().flatMap(r -> r.patterns().stream()).toArray(String[]::new);
		return http.authenticationManager(authentication)
			.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
				.permitAll()
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				// Operators' views are for operators' credentials, which no application role is
				.requestMatchers("/actuator/**")
				.denyAll()
				.requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/api-docs", "/swagger-ui/**", "/swagger-ui.html")
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
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'")))
			.build();
	}

	/** Back to the sign-in page with the reason and the address typed, never the password. */
	private static AuthenticationFailureHandler signInFailed() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
			var reason = e instanceof SignInThrottledException ? "throttled"
					: e instanceof DisabledException ? "unverified" : "bad";
			request.getSession().setAttribute(CurrentUser.SIGN_IN_EMAIL, request.getParameter("email"));
			response.sendRedirect(request.getContextPath() + "/sign-in?error=" + reason);
		};
	}

	private static void problem(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			MessageSource messages, LocaleResolver locales) throws IOException {
		var title = messages.getMessage("error.api." + status.value(), null, status.getReasonPhrase(),
				locales.resolveLocale(request));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Kindred\"");
		}
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title.replace("\"", "'") + "\",\"status\":" + status.value()
					+ ",\"instance\":\"" + request.getRequestURI().replace("\"", "") + "\"}");
	}
}
