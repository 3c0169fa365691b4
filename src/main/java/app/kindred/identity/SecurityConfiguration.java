package app.kindred.identity;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.servlet.HandlerMapping;

import app.kindred.core.web.DatabaseFailures;
import app.kindred.identity.internal.CredentialsVersions;
import app.kindred.core.web.StaleForm;
import app.kindred.core.web.ProblemResponses;
import app.kindred.core.web.PublicRoutes;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Spring Security's own observations (a timer and a span around every filter,
	 * authentication and authorization) say nothing http.server.requests does not; with
	 * them off, the filters are not even wrapped for them (each wrapper cost every
	 * request its share of CPU).
	 */
	@Bean
	static SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

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
			SignInThrottle throttle, ObjectProvider<PasswordSignInPolicy> policies) {
		return new ProviderManager(
				new ThrottledAuthenticationProvider(directory, encoder, throttle, policies.orderedStream().toList()));
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
			CredentialsVersions versions, ObjectProvider<HandlerMapping> mappings,
			ObjectProvider<ExternalSignIn> external, AccountDirectory directory) throws Exception {
		var known = new KnownRoutes(mappings);
		var trust = new AuthenticationTrustResolverImpl();
		// A session whose account's password changed since it signed in ends here (on
		// every instance).
		http.addFilterAfter(new SessionFreshness(versions), SecurityContextHolderFilter.class);
		var cache = savedPages(known);
		var sso = external.getIfAvailable();
		if (sso != null) {
			// Sign-in through an organisation's identity provider; its principal becomes
			// the account's CurrentUser, so the session is like any other
			http.oauth2Login(o -> o.loginPage("/sign-in")
				.clientRegistrationRepository(sso.registrations())
				.authorizationEndpoint(a -> a.baseUri(ExternalSignIn.AUTHORIZE))
				.redirectionEndpoint(r -> r.baseUri(ExternalSignIn.CALLBACK + "*"))
				.userInfoEndpoint(u -> u.oidcUserService(sso.users()))
				.authorizedClientRepository(new NothingKept())
				.successHandler(externalSignedIn(directory, cache))
				.failureHandler(sso.failures()));
		}
		var open = routes.stream().flatMap(r -> r.patterns().stream()).toArray(String[]::new);
		// The provider's answers are checked first; a password goes on to the one
		// throttled check, once
		var manager = sso == null ? authentication : new ProviderManager(List.of(sso.provider()), authentication);
		return http.authenticationManager(manager)
			.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
				.permitAll()
				.requestMatchers("/", "/error", "/css/**", "/js/**", "/webjars/**", "/favicon.ico")
				.permitAll()
				.requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/api-docs", "/swagger-ui/**",
						"/swagger-ui.html")
				.permitAll()
				.requestMatchers(open)
				.permitAll()
				// An address with no page is the page-not-found page for everyone, not a
				// sign-in that leads nowhere
				.anyRequest()
				.access((signedIn,
						context) -> new AuthorizationDecision(trust.isAuthenticated(signedIn.get())
								|| known.match(context.getRequest()) == KnownRoutes.Match.NONE)))
			// Signing in leads back only to a page that can be opened: an address that
			// only takes forms, opened as a link, would answer 405
			.requestCache(c -> c.requestCache(cache))
			.exceptionHandling(e -> e.accessDeniedHandler(SecurityConfiguration::denied))
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
	 * The provider's access token is not needed after sign-in: nothing of it is kept
	 * (Spring Security would otherwise hold every one in memory).
	 */
	private static final class NothingKept implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient client, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String registrationId, Authentication principal, HttpServletRequest request,
				HttpServletResponse response) {
		}

	}

	/**
	 * The account an identity provider's principal was matched to, signed in as with a
	 * password: a CurrentUser in the session, checked for freshness as every other.
	 */
	private static AuthenticationSuccessHandler externalSignedIn(AccountDirectory directory, RequestCache cache) {
		var saved = new SavedRequestAwareAuthenticationSuccessHandler();
		saved.setRequestCache(cache);
		var contexts = new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new HttpSessionSecurityContextRepository());
		return (request, response, authentication) -> {
			var user = authentication.getPrincipal() instanceof ExternalAccount external
					? directory.signedIn(external.account()) : Optional.<CurrentUser>empty();
			var holder = SecurityContextHolder.getContextHolderStrategy();
			if (user.isEmpty()) {
				holder.clearContext();
				contexts.saveContext(holder.createEmptyContext(), request, response);
				response.sendRedirect(request.getContextPath() + "/sign-in?error=bad");
				return;
			}
			user.get().eraseCredentials();
			var context = holder.createEmptyContext();
			context.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
			holder.setContext(context);
			contexts.saveContext(context, request, response);
			saved.onAuthenticationSuccess(request, response, context.getAuthentication());
		};
	}

	private static HttpSessionRequestCache savedPages(KnownRoutes known) {
		var cache = new HttpSessionRequestCache();
		cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null
				&& known.match(request) == KnownRoutes.Match.FOUND);
		return cache;
	}

	/**
	 * A form refused for its missing or outdated CSRF token was almost always sent from a
	 * page opened before the session expired (or before signing in or out elsewhere): the
	 * 403 page says so, with a link back to the page that sent it, rather than that the
	 * person is not allowed.
	 */
	private static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException {
		if (e instanceof CsrfException && request.getAttribute(SessionOutage.UNAVAILABLE) != null) {
			// The form's session could not be read: the database is away, the form is not
			// stale
			if (!response.isCommitted()) {
				response.setHeader("Retry-After", ProblemResponses.RETRY_AFTER_SECONDS);
				response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
			}
			return;
		}
		if (e instanceof CsrfException) {
			request.setAttribute(StaleForm.ATTRIBUTE, StaleForm.backLink(request));
		}
		if (!response.isCommitted()) {
			response.sendError(HttpStatus.FORBIDDEN.value(), HttpStatus.FORBIDDEN.getReasonPhrase());
		}
	}

	/**
	 * Back to the sign-in page with the reason and the address typed, never the password.
	 */
	private static AuthenticationFailureHandler signInFailed() {
		return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
			var reason = unavailable(e) ? "unavailable"
					: e instanceof SignInThrottledException ? "throttled" : e instanceof DisabledException
							? "unverified" : e instanceof PasswordSignInOffException ? "passwordOff" : "bad";
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
		if (e instanceof PasswordSignInOffException) {
			// The password was right: no new try helps, only the organisation's sign-in
			problems.write(request, response, HttpStatus.FORBIDDEN);
			return;
		}
		response.setHeader("WWW-Authenticate", "Basic realm=\"Kindred\"");
		problems.write(request, response, HttpStatus.UNAUTHORIZED);
	}

}
