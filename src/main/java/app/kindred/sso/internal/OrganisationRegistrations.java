package app.kindred.sso.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;

import app.kindred.identity.ExternalSignIn;
import app.kindred.organisation.OrganisationId;

/**
 * Each organisation's provider as Spring Security's client registration, its id the
 * organisation's id. The provider's endpoints come from OpenID Connect discovery at the
 * issuer, kept for an hour per issuer; a provider that cannot be reached, or whose secret
 * cannot be had, has no registration for now, and the sign-in says so.
 */
@Component
public class OrganisationRegistrations implements ClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(OrganisationRegistrations.class);

	static final Duration DISCOVERY_KEPT = Duration.ofHours(1);

	private final ProviderStore providers;

	private final ClientSecrets secrets;

	private final Clock clock;

	private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

	private record Discovered(ClientRegistration template, Instant at) {
	}

	OrganisationRegistrations(ProviderStore providers, ClientSecrets secrets, Clock clock) {
		this.providers = providers;
		this.secrets = secrets;
		this.clock = clock;
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		return organisation(registrationId).flatMap(this::registration).orElse(null);
	}

	/** The organisation's enabled provider, ready to sign in with, if it is now. */
	public Optional<ClientRegistration> registration(OrganisationId organisation) {
		var provider = providers.find(organisation).filter(ProviderSettings::enabled);
		if (provider.isEmpty()) {
			return Optional.empty();
		}
		var secret = secrets.secret(provider.get());
		if (secret.isEmpty()) {
			log.warn("The sign-in provider of organisation {} has no usable client secret", organisation);
			return Optional.empty();
		}
		return template(provider.get().issuer()).map(t -> ClientRegistration.withClientRegistration(t)
			.registrationId(organisation.value().toString())
			.clientId(provider.get().clientId())
			.clientSecret(secret.get())
			.redirectUri("{baseUrl}" + ExternalSignIn.CALLBACK + "{registrationId}")
			.scope("openid", "profile", "email")
			.userNameAttributeName("sub")
			.build());
	}

	private Optional<ClientRegistration> template(String issuer) {
		var known = discovered.get(issuer);
		if (known != null && known.at().plus(DISCOVERY_KEPT).isAfter(clock.instant())) {
			return Optional.of(known.template());
		}
		try {
			var template = ClientRegistrations.fromIssuerLocation(issuer)
				.registrationId("discovered")
				.clientId("discovered")
				.build();
			discovered.put(issuer, new Discovered(template, clock.instant()));
			return Optional.of(template);
		}
		catch (RuntimeException unreachable) {
			log.warn("OpenID Connect discovery at {} failed: {}", issuer, unreachable.toString());
			return Optional.empty();
		}
	}

	/** Forgets what discovery found, as when an organisation saves its provider again. */
	void forget(String issuer) {
		discovered.remove(issuer);
	}

	private static Optional<OrganisationId> organisation(String registrationId) {
		try {
			return Optional.of(new OrganisationId(UUID.fromString(registrationId)));
		}
		catch (IllegalArgumentException | NullPointerException notOurs) {
			return Optional.empty();
		}
	}

}
