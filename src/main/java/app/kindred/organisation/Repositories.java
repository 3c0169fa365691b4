package app.kindred.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrganisationRepository extends JpaRepository<Organisation, UUID> {

	@Query("select o from Organisation o where o.id in "
			+ "(select m.organisationId from Membership m where m.accountId = :accountId) order by o.name")
	List<Organisation> staffedBy(UUID accountId);

}

interface MembershipRepository extends JpaRepository<Membership, UUID> {

	List<Membership> findByOrganisationIdAndAccountId(UUID organisationId, UUID accountId);

	List<Membership> findByOrganisationId(UUID organisationId);

	List<Membership> findByOrganisationIdAndRole(UUID organisationId, Role role);

	boolean existsByOrganisationIdAndAccountIdAndRole(UUID organisationId, UUID accountId, Role role);

	long countByOrganisationIdAndRole(UUID organisationId, Role role);

}

interface InvitationRepository extends JpaRepository<Invitation, UUID> {

	Optional<Invitation> findByTokenHash(String tokenHash);

	List<Invitation> findByOrganisationIdOrderByCreatedAtDesc(UUID organisationId);

}
