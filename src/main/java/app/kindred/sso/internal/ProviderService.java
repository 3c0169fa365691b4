package app.kindred.sso.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationSummary;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;

/** An organisation's provider, as its admins set it up. */
@Service
public class ProviderService {

	/** What the admin typed; a blank secret keeps the one stored. */
	public record Changes(String issuer, String clientId, String secret, String secretEnv, Map<Language, String> names,
			String studyNumberClaim, boolean enabled, boolean passwordOffForStaff) {
	}

	/**
	 * The provider without its secret, and whether one is stored (or the variable set).
	 */
	public record View(Optional<ProviderSettings> provider, boolean secretStored, boolean secretUsable) {
	}

	private final ProviderStore providers;

	private final ClientSecrets secrets;

	private final OrganisationRegistrations registrations;

	private final Organisations organisations;

	private final Clock clock;

	ProviderService(ProviderStore providers, ClientSecrets secrets, OrganisationRegistrations registrations,
			Organisations organisations, Clock clock) {
		this.providers = providers;
		this.secrets = secrets;
		this.registrations = registrations;
		this.organisations = organisations;
		this.clock = clock;
	}

	public OrganisationSummary administered(OrganisationId organisation, AccountId viewer) {
		return organisations.require(organisation, viewer, Role.ORG_ADMIN);
	}

	@Transactional(readOnly = true)
	public View view(OrganisationId organisation, AccountId viewer) {
		administered(organisation, viewer);
		var provider = providers.find(organisation);
		return new View(
				provider.map(p -> new ProviderSettings(p.organisation(), p.issuer(), p.clientId(), null, p.secretEnv(),
						p.names(), p.studyNumberClaim(), p.enabled(), p.passwordOffForStaff())),
				provider.map(p -> p.sealedSecret() != null || p.secretEnv() != null).orElse(false),
				provider.map(p -> secrets.secret(p).isPresent()).orElse(false));
	}

	public boolean canSeal() {
		return secrets.canSeal();
	}

	@Transactional
	public void save(OrganisationId organisation, Changes changes, AccountId editor) {
		administered(organisation, editor);
		var stored = providers.find(organisation);
		String sealed = null;
		String env = null;
		if (changes.secretEnv() != null) {
			env = changes.secretEnv();
		}
		else if (changes.secret() != null && !changes.secret().isBlank()) {
			if (!secrets.canSeal()) {
				throw Refused.invalid("clientSecret", "sso.settings.secret.cannotSeal");
			}
			sealed = secrets.seal(organisation, changes.secret());
		}
		else if (stored.isPresent() && (stored.get().sealedSecret() != null || stored.get().secretEnv() != null)) {
			sealed = stored.get().sealedSecret();
			env = stored.get().secretEnv();
		}
		else {
			throw Refused.invalid("clientSecret", "sso.settings.secret.required");
		}
		providers.save(
				new ProviderSettings(organisation, changes.issuer(), changes.clientId(), sealed, env, changes.names(),
						changes.studyNumberClaim(), changes.enabled(), changes.passwordOffForStaff()),
				editor, clock.instant());
		stored.ifPresent(p -> registrations.forget(p.issuer()));
		registrations.forget(changes.issuer());
	}

}
