package app.kindred.sso.internal;

import java.util.UUID;

import org.springframework.dao.DataAccessException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import app.kindred.organisation.OrganisationId;

/**
 * Turns a provider's validated ID token into a Kindred account, or a refusal the sign-in
 * page explains. Only the ID token is read (no user-info request): the address must be in
 * it and {@code email_verified} true.
 */
@Component
class ProviderUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

	static final String UNVERIFIED = "kindred_unverified_email";

	static final String NO_EMAIL = "kindred_no_email";

	static final String PROOF_NEEDED = "kindred_proof_needed";

	static final String UNAVAILABLE = "kindred_unavailable";

	private final OidcUserService tokens = new OidcUserService();

	private final SignInService service;

	private final ProviderStore providers;

	ProviderUsers(SignInService service, ProviderStore providers) {
		this.service = service;
		this.providers = providers;
		this.tokens.setRetrieveUserInfo(request -> false);
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		var user = tokens.loadUser(request);
		var token = user.getIdToken();
		if (!Boolean.TRUE.equals(token.getEmailVerified())) {
			throw refusal(UNVERIFIED);
		}
		if (token.getEmail() == null || token.getEmail().isBlank() || token.getEmail().length() > 254) {
			throw refusal(NO_EMAIL);
		}
		try {
			var organisation = new OrganisationId(UUID.fromString(request.getClientRegistration().getRegistrationId()));
			var claim = providers.find(organisation).map(ProviderSettings::studyNumberClaim).orElse(null);
			var studyNumber = claim == null ? null : token.getClaimAsString(claim);
			if (studyNumber != null && (studyNumber.isBlank() || studyNumber.length() > 100)) {
				studyNumber = null;
			}
			var claims = new SignInService.Claims(token.getIssuer().toString(), token.getSubject(), token.getEmail(),
					token.getFullName(), token.getLocale(), studyNumber);
			return switch (service.signIn(organisation, claims)) {
				case SignInService.Outcome.SignedIn signedIn -> new LinkedOidcUser(user, signedIn.account());
				case SignInService.Outcome.ProofNeeded proof -> {
					// The session remembers whom to link once they prove the account is
					// theirs
					RequestContextHolder.currentRequestAttributes()
						.setAttribute(PendingLink.ATTRIBUTE, proof.pending(), RequestAttributes.SCOPE_SESSION);
					throw refusal(PROOF_NEEDED);
				}
			};
		}
		catch (DataAccessException | TransactionException e) {
			throw new OAuth2AuthenticationException(new OAuth2Error(UNAVAILABLE), e);
		}
	}

	private static OAuth2AuthenticationException refusal(String code) {
		return new OAuth2AuthenticationException(new OAuth2Error(code));
	}

}
