package app.kindred.organisation.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Forbidden;
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

	OrganisationDirectory(OrganisationRepository organisations, MembershipRepository memberships) {
		this.organisations = organisations;
		this.memberships = memberships;
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

	@Override
	public Set<Role> rolesOf(OrganisationId organisation, AccountId account) {
		return EnumSet.copyOf(StaffingMemo.rolesOf(organisation, account, () -> {
			var roles = EnumSet.noneOf(Role.class);
			memberships.findByOrganisationIdAndAccountId(organisation.value(), account.value())
				.forEach(m -> roles.add(m.role()));
			return roles;
		}));
	}

	@Override
	public List<OrganisationSummary> staffedBy(AccountId account) {
		return StaffingMemo.staffedBy(account,
				() -> organisations.staffedBy(account.value()).stream().map(Organisation::summary).toList());
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
