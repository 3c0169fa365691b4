package app.kindred.organisation;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Forbidden;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.organisation.internal.OrganisationCreators;
import app.kindred.organisation.internal.Membership;
import app.kindred.organisation.internal.MembershipRepository;
import app.kindred.organisation.internal.Organisation;
import app.kindred.organisation.internal.OrganisationRepository;
import app.kindred.organisation.internal.StaffingMemo;

@Service
public class OrganisationService {

	private final OrganisationRepository organisations;

	private final MembershipRepository memberships;

	private final Organisations directory;

	private final Clock clock;

	private final Accounts accounts;

	private final OrganisationCreators creators;

	private final StaffingMemo memo;

	private final ApplicationEventPublisher events;

	OrganisationService(OrganisationRepository organisations, MembershipRepository memberships, Organisations directory,
			Accounts accounts, OrganisationCreators creators, Clock clock, StaffingMemo memo,
			ApplicationEventPublisher events) {
		this.memo = memo;
		this.events = events;
		this.accounts = accounts;
		this.creators = creators;
		this.organisations = organisations;
		this.memberships = memberships;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * Whether the person may set up a new organisation: the admins and coordinators of a
	 * network (such as the national association that spreads the model), and whoever the
	 * instance's operator names in {@code KINDRED_ORGANISATION_CREATORS}. Students, who
	 * are every other account, may not.
	 */
	@Transactional(readOnly = true)
	public boolean mayCreate(AccountId account) {
		if (directory.staffedBy(account)
			.stream()
			.anyMatch(o -> organisations.findById(o.id().value())
				.filter(found -> found.kind() == OrganisationKind.NETWORK)
				.isPresent() && directory.rolesOf(o.id(), account).stream().anyMatch(r -> r != Role.TEACHER))) {
			return true;
		}
		return accounts.find(account).map(a -> creators.allow(a.email())).orElse(false);
	}

	/** Whoever sets up an organisation becomes its first admin and coordinator. */
	@Transactional
	public OrganisationId create(OrganisationSettings settings, AccountId founder) {
		if (!mayCreate(founder)) {
			throw new Forbidden("organisation.create.notAllowed");
		}
		var organisation = organisations.save(new Organisation(settings, clock.instant()));
		for (var role : Set.of(Role.ORG_ADMIN, Role.COORDINATOR)) {
			memberships.save(new Membership(organisation.id().value(), founder.value(), role, clock.instant()));
		}
		memo.forget();
		return organisation.id();
	}

	@Transactional(readOnly = true)
	public OrganisationSettings settings(OrganisationId id, AccountId viewer) {
		directory.require(id, viewer);
		return organisations.findById(id.value()).orElseThrow().settings();
	}

	@Transactional
	public void update(OrganisationId id, OrganisationSettings settings, AccountId editor) {
		directory.require(id, editor, Role.ORG_ADMIN);
		organisations.findById(id.value()).orElseThrow().apply(settings);
		memo.forget();
		events.publishEvent(new OrganisationChanged(id));
	}

	/**
	 * Read once a request (the menu asks on every page), in no transaction of its own.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<OrganisationSummary> staffedBy(AccountId account) {
		return directory.staffedBy(account);
	}

	/** Used by demo data and tests to add staff without the e-mail round trip. */
	@Transactional
	public void grant(OrganisationId id, AccountId account, Role role) {
		if (!memberships.existsByOrganisationIdAndAccountIdAndRole(id.value(), account.value(), role)) {
			memberships.save(new Membership(id.value(), account.value(), role, clock.instant()));
			memo.forget();
		}
	}

}
