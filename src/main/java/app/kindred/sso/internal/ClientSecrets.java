package app.kindred.sso.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import app.kindred.core.SealedSecrets;
import app.kindred.organisation.OrganisationId;

/**
 * The providers' client secrets: sealed under a key derived from
 * {@code KINDRED_CREDENTIAL_SECRET} (a JWE bound to the organisation), or read from the
 * environment variable the organisation named. Never shown again once saved.
 */
@Component
public class ClientSecrets {

	private final SealedSecrets sealed;

	private final Environment environment;

	ClientSecrets(@Value("${kindred.credentials.secret:}") String secret, Environment environment) {
		this.sealed = new SealedSecrets(secret, "kindred sso client secrets".getBytes(StandardCharsets.UTF_8),
				"sso_provider.client_secret_jwe A256GCM v1".getBytes(StandardCharsets.UTF_8), "org");
		this.environment = environment;
	}

	/** Whether a secret typed into the form can be stored sealed. */
	boolean canSeal() {
		return sealed.available();
	}

	String seal(OrganisationId organisation, String secret) {
		return sealed.seal(secret, organisation.toString(), "sso-client-secret");
	}

	/**
	 * The provider's secret, if it can be had (the variable set, the operator's secret
	 * unchanged).
	 */
	Optional<String> secret(ProviderSettings provider) {
		if (provider.secretEnv() != null) {
			return Optional.ofNullable(environment.getProperty(provider.secretEnv())).filter(s -> !s.isBlank());
		}
		if (provider.sealedSecret() == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(sealed.open(provider.sealedSecret(), provider.organisation().toString()));
		}
		catch (IllegalStateException unreadable) {
			return Optional.empty();
		}
	}

}
