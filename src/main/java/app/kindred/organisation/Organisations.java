package app.kindred.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import app.kindred.identity.AccountId;

/** Organisations and staff roles, for other modules' access checks. */
public interface Organisations {

	Optional<OrganisationSummary> find(OrganisationId id);

	/**
	 * The organisations of those ids that exist, in one query: for lists that name many.
	 */
	List<OrganisationSummary> findAll(Collection<OrganisationId> ids);

	Set<Role> rolesOf(OrganisationId organisation, AccountId account);

	List<OrganisationSummary> staffedBy(AccountId account);

	/**
	 * Everyone holding the role in the organisation, such as the coordinators to tell
	 * when a group needs them.
	 */
	List<AccountId> holders(OrganisationId organisation, Role role);

	/**
	 * Passes when the account holds one of the roles. Anyone who is not staff of the
	 * organisation gets a 404, so that organisations' contents cannot be probed; staff
	 * without the role get a 403.
	 */
	OrganisationSummary require(OrganisationId organisation, AccountId account, Role... anyOf);

}
