package app.kindred.sso.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

import app.kindred.core.Language;
import app.kindred.identity.ExternalSignIn;
import app.kindred.organisation.Organisations;

/**
 * The organisations' providers as identity's sign-in sees them: a button for each one
 * enabled, and each way a sign-in can fail as a reason on the sign-in page.
 */
@Component
class ProviderSignIn implements ExternalSignIn {

	/** The sign-in page's {@code error} reasons and their messages. */
	static final Map<String, String> REASONS = Map.of("sso-unverified", "sso.error.unverified", "sso-noEmail",
			"sso.error.noEmail", "sso-audience", "sso.error.audience", "sso-expired", "sso.error.expired",
			"sso-invalid", "sso.error.invalid", "sso-state", "sso.error.state", "sso-unavailable",
			"sso.error.unavailable", "sso-cancelled", "sso.error.cancelled", "sso-failed", "sso.error.failed");

	private static final Logger log = LoggerFactory.getLogger(ProviderSignIn.class);

	private final ProviderStore providers;

	private final OrganisationRegistrations registrations;

	private final ProviderUsers users;

	private final Organisations organisations;

	private final MessageSource messages;

	ProviderSignIn(ProviderStore providers, OrganisationRegistrations registrations, ProviderUsers users,
			Organisations organisations, MessageSource messages) {
		this.providers = providers;
		this.registrations = registrations;
		this.users = users;
		this.organisations = organisations;
		this.messages = messages;
	}

	@Override
	public List<Button> buttons(Language language) {
		return providers.enabled().stream().map(p -> {
			var name = p.name(language);
			if (name == null) {
				name = organisations.find(p.organisation()).map(o -> o.name()).orElse(p.issuer());
			}
			return new Button("/sign-in/with/" + p.organisation().value(),
					messages.getMessage("sso.button", new Object[] { name }, language.locale()));
		}).toList();
	}

	@Override
	public ClientRegistrationRepository registrations() {
		return registrations;
	}

	@Override
	public OAuth2UserService<OidcUserRequest, OidcUser> users() {
		return users;
	}

	@Override
	public AuthenticationProvider provider() {
		var provider = new OidcAuthorizationCodeAuthenticationProvider(
				new RestClientAuthorizationCodeTokenResponseClient(), users);
		provider.setJwtDecoderFactory(idTokenDecoders());
		return provider;
	}

	/**
	 * ID token decoders per registration, issuer and client: Spring Security's factory
	 * keeps one per registration id alone, which would go on trusting an organisation's
	 * former issuer after the admin changed it.
	 */
	private static JwtDecoderFactory<ClientRegistration> idTokenDecoders() {
		var decoders = new ConcurrentHashMap<String, JwtDecoder>();
		return registration -> decoders.computeIfAbsent(
				registration.getRegistrationId() + " " + registration.getProviderDetails().getIssuerUri() + " "
						+ registration.getProviderDetails().getJwkSetUri() + " " + registration.getClientId(),
				key -> new OidcIdTokenDecoderFactory().createDecoder(registration));
	}

	@Override
	public AuthenticationFailureHandler failures() {
		return (request, response, e) -> {
			var reason = reason(e);
			// The operator's clue to a provider set up wrong; the person sees the reason
			log.info("Sign-in through a provider failed ({}): {}", reason, e.toString(), e.getCause());
			var target = reason == null ? "/sign-in/link" : "/sign-in?error=" + reason;
			response.sendRedirect(request.getContextPath() + target);
		};
	}

	@Override
	public Optional<String> messageKey(String reason) {
		return Optional.ofNullable(REASONS.get(reason));
	}

	/**
	 * The page's reason for a failed sign-in; null when the person must prove an existing
	 * account is theirs.
	 */
	static String reason(AuthenticationException e) {
		if (!(e instanceof OAuth2AuthenticationException oauth)) {
			return "sso-failed";
		}
		var error = oauth.getError();
		var description = String.valueOf(error.getDescription()) + " " + String.valueOf(e.getMessage());
		return switch (error.getErrorCode()) {
			case ProviderUsers.PROOF_NEEDED -> null;
			case ProviderUsers.UNVERIFIED -> "sso-unverified";
			case ProviderUsers.NO_EMAIL -> "sso-noEmail";
			case ProviderUsers.UNAVAILABLE, "invalid_token_response", "client_registration_not_found",
					OAuth2ErrorCodes.SERVER_ERROR, OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE ->
				"sso-unavailable";
			case "invalid_id_token" -> description.contains("expired") ? "sso-expired"
					: description.contains("aud") ? "sso-audience" : "sso-invalid";
			case "authorization_request_not_found", "invalid_state_parameter", OAuth2ErrorCodes.INVALID_REQUEST ->
				"sso-state";
			case OAuth2ErrorCodes.ACCESS_DENIED -> "sso-cancelled";
			default -> "sso-failed";
		};
	}

}
