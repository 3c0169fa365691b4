package app.kindred.organisation.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

import app.kindred.organisation.Role;

public interface MembershipRepository extends JpaRepository<Membership, UUID> {

	List<Membership> findByOrganisationIdAndAccountId(UUID organisationId, UUID accountId);

	List<Membership> findByOrganisationId(UUID organisationId);

	List<Membership> findByOrganisationIdAndRole(UUID organisationId, Role role);

	/** A person's roles in every organisation, for their own data. */
	List<Membership> findByAccountIdOrderByCreatedAt(UUID accountId);

	boolean existsByOrganisationIdAndAccountIdAndRole(UUID organisationId, UUID accountId, Role role);

	long countByOrganisationIdAndRole(UUID organisationId, Role role);

}
