package app.kindred.organisation;

import java.util.List;

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

}
