package app.kindred.organisation.internal;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Forbidden;
import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationSummary;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;

@Component
@Transactional(readOnly = true)
class OrganisationDirectory implements Organisations {

	private final OrganisationRepository organisations;

	private final MembershipRepository memberships;

	private final JdbcClient jdbc;

	private final StaffingMemo memo;

	OrganisationDirectory(OrganisationRepository organisations, MembershipRepository memberships, JdbcClient jdbc,
			StaffingMemo memo) {
		this.memo = memo;
		this.organisations = organisations;
		this.memberships = memberships;
		this.jdbc = jdbc;
	}

	@Override
	public Optional<OrganisationSummary> find(OrganisationId id) {
		return organisations.findById(id.value()).map(Organisation::summary);
	}

	@Override
	public List<OrganisationSummary> findAll(Collection<OrganisationId> ids) {
		return organisations.findAllById(ids.stream().map(OrganisationId::value).distinct().toList())
			.stream()
			.map(Organisation::summary)
			.toList();
	}

	/**
	 * No transaction of its own (SUPPORTS): a page asks this many times, and only the
	 * first of a request reads (in the repository's own transaction).
	 */
	@Override
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Set<Role> rolesOf(OrganisationId organisation, AccountId account) {
		return EnumSet.copyOf(memo.rolesOf(organisation, account, () -> {
			var roles = EnumSet.noneOf(Role.class);
			memberships.findByOrganisationIdAndAccountId(organisation.value(), account.value())
				.forEach(m -> roles.add(m.role()));
			return roles;
		}));
	}

	/**
	 * As {@link #rolesOf}: read once a request, without a transaction of its own, and in
	 * plain SQL: the menu asks on every page, for most people (who staff nothing) to find
	 * nothing, and an entity query's transaction and persistence context cost more than
	 * the query.
	 */
	@Override
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public List<OrganisationSummary> staffedBy(AccountId account) {
		return memo.staffedBy(account, () -> jdbc.sql("""
				select o.id, o.name, o.default_language, o.time_zone, o.contact_name, o.contact_email
				  from organisation o
				 where o.id in (select m.organisation_id from membership m where m.account_id = ?)
				 order by o.name""")
			.param(account.value())
			.query((rs, n) -> new OrganisationSummary(new OrganisationId(rs.getObject(1, UUID.class)), rs.getString(2),
					Language.valueOf(rs.getString(3)), ZoneId.of(rs.getString(4)), rs.getString(5), rs.getString(6)))
			.list());
	}

	@Override
	public List<AccountId> holders(OrganisationId organisation, Role role) {
		return memberships.findByOrganisationIdAndRole(organisation.value(), role)
			.stream()
			.map(m -> new AccountId(m.accountId()))
			.distinct()
			.toList();
	}

	@Override
	public OrganisationSummary require(OrganisationId organisation, AccountId account, Role... anyOf) {
		var roles = rolesOf(organisation, account);
		var summary = roles.isEmpty() ? Optional.<OrganisationSummary>empty() : find(organisation);
		if (summary.isEmpty()) {
			throw new NotFoundException("organisation");
		}
		if (anyOf.length > 0 && Arrays.stream(anyOf).noneMatch(roles::contains)) {
			throw new Forbidden("needs one of " + Arrays.toString(anyOf));
		}
		return summary.get();
	}

}
