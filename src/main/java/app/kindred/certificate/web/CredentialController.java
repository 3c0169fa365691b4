package app.kindred.certificate.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import app.kindred.certificate.internal.OpenBadgeCredential;
import app.kindred.core.NotFoundException;
import app.kindred.core.web.PublicRoutes;
import app.kindred.identity.CurrentUser;
import app.kindred.organisation.OrganisationId;

/**
 * The digital credential: the holder downloads their certificate as a signed Open Badges
 * 3.0 credential for a wallet, and anyone (a verifier, offline later) reads the issuing
 * organisation's profile and public keys. An organisation's profile and keys exist once
 * it has signed its first credential; until then, and for an unknown organisation, 404.
 */
@Controller
class CredentialController {

	/** RFC 7519's media type: the credential is a JWT with {@code typ} JWT. */
	static final MediaType JWT = MediaType.parseMediaType("application/jwt");

	/** RFC 7517's media type of a JWK set. */
	static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

	private final OpenBadgeCredential credentials;

	CredentialController(OpenBadgeCredential credentials) {
		this.credentials = credentials;
	}

	@GetMapping("/account/certificates/{certificate}/credential.jwt")
	ResponseEntity<String> credential(@PathVariable UUID certificate, @AuthenticationPrincipal CurrentUser user) {
		var signed = credentials.forHolder(certificate, user.id(), user.language());
		return ResponseEntity.ok()
			.contentType(JWT)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("credential-" + signed.code() + ".jwt").build().toString())
			.cacheControl(CacheControl.noStore())
			.body(signed.jwt());
	}

	@GetMapping(path = "/credentials/issuers/{organisation}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> profile(@PathVariable OrganisationId organisation) {
		var profile = credentials.profile(organisation)
			.orElseThrow(() -> new NotFoundException("issuer " + organisation));
		return published().body(profile);
	}

	@GetMapping("/credentials/issuers/{organisation}/jwks.json")
	ResponseEntity<String> keySet(@PathVariable OrganisationId organisation) {
		var keys = credentials.keySet(organisation).orElseThrow(() -> new NotFoundException("keys of " + organisation));
		// Public parts only, whatever the set holds
		return published().contentType(JWK_SET).body(keys.toString(true));
	}

	/**
	 * Public documents a verifier's script may fetch from any origin; kept a few minutes.
	 */
	private static ResponseEntity.BodyBuilder published() {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
	}

	@Configuration(proxyBeanMethods = false)
	static class Routes {

		@Bean
		PublicRoutes credentialIssuerRoutes() {
			return () -> List.of("/credentials/issuers/*", "/credentials/issuers/*/jwks.json");
		}

	}

}
