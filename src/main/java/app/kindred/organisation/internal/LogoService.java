package app.kindred.organisation.internal;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationLogos;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;

/**
 * The organisation's logo for its certificates: read by anyone drawing a certificate,
 * changed by the organisation's admins only, and checked by {@link LogoImages} before it
 * is stored.
 */
@Service
public class LogoService implements OrganisationLogos {

	/** What the upload form says the limit is, in kilobytes. */
	public static final int MAX_KILOBYTES = LogoImages.MAX_BYTES / 1024;

	private final LogoStore store;

	private final Organisations organisations;

	private final Clock clock;

	LogoService(LogoStore store, Organisations organisations, Clock clock) {
		this.store = store;
		this.organisations = organisations;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Logo> logo(OrganisationId organisation) {
		return store.find(organisation);
	}

	/** The logo as its admin sees it on the logo page. */
	@Transactional(readOnly = true)
	public Optional<Logo> logo(OrganisationId organisation, AccountId admin) {
		organisations.require(organisation, admin, Role.ORG_ADMIN);
		return store.find(organisation);
	}

	/** Replaces the logo; a file that is no acceptable logo is refused at its field. */
	@Transactional
	public void upload(OrganisationId organisation, byte[] content, AccountId admin) {
		organisations.require(organisation, admin, Role.ORG_ADMIN);
		var type = LogoImages.check(content);
		store.save(organisation, new Logo(type, content), admin, clock.instant());
	}

	/** Whether there was a logo to remove. */
	@Transactional
	public boolean remove(OrganisationId organisation, AccountId admin) {
		organisations.require(organisation, admin, Role.ORG_ADMIN);
		return store.remove(organisation);
	}

	/** Whether a file of this many bytes may be sent at all, before it is read. */
	public static boolean withinLimit(long bytes) {
		return bytes <= LogoImages.MAX_BYTES;
	}

}
