package app.kindred.identity;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import app.kindred.core.Language;

/**
 * Sign-in through an organisation's identity provider (OpenID Connect), offered by the
 * module that keeps the providers ({@code sso}): identity draws the buttons and runs the
 * sign-in on its chain, and knows nothing of organisations. The user service answers a
 * principal that is an {@link ExternalAccount} once it knows whose account it is.
 */
public interface ExternalSignIn {

	/**
	 * Where the redirect URI registered at a provider ends:
	 * {@code /sign-in/oidc/{registrationId}}.
	 */
	String CALLBACK = "/sign-in/oidc/";

	/**
	 * Where a sign-in at a provider starts:
	 * {@code /sign-in/oidc/authorize/{registrationId}}.
	 */
	String AUTHORIZE = "/sign-in/oidc/authorize";

	/** The sign-in page's buttons, in the viewer's language. */
	List<Button> buttons(Language language);

	ClientRegistrationRepository registrations();

	OAuth2UserService<OidcUserRequest, OidcUser> users();

	/**
	 * Checks a provider's answer (the code exchanged, the ID token validated) and finds
	 * the account: on the pages' chain beside the password check.
	 */
	AuthenticationProvider provider();

	/** Where a failed external sign-in goes: the sign-in page with its reason. */
	AuthenticationFailureHandler failures();

	/**
	 * The message key for the sign-in page's {@code error} parameter, when it is one of
	 * this sign-in's reasons.
	 */
	Optional<String> messageKey(String reason);

	record Button(String path, String label) implements Serializable {
	}

}
