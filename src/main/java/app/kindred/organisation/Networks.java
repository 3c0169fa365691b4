package app.kindred.organisation;

import java.util.List;

import app.kindred.identity.AccountId;

/**
 * Networks (such as the national association) and the organisations that take part in
 * them, for modules that report across a network's members.
 */
public interface Networks {

	/**
	 * The organisations that accepted the network's invitation, by name; an invitation
	 * not yet accepted does not count.
	 */
	List<OrganisationId> members(OrganisationId network);

	boolean isNetwork(OrganisationId organisation);

	/**
	 * The network's admin invites a university to take part (for the demo data, which
	 * does what the network page does).
	 */
	void invite(OrganisationId network, OrganisationId organisation, AccountId admin);

	/** The university's admin accepts the network's invitation. */
	void accept(OrganisationId organisation, OrganisationId network, AccountId admin);

}
