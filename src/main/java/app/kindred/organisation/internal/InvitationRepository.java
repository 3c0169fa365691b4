package app.kindred.organisation.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface InvitationRepository extends JpaRepository<Invitation, UUID> {

	Optional<Invitation> findByTokenHash(String tokenHash);

	List<Invitation> findByOrganisationIdOrderByCreatedAtDesc(UUID organisationId);

	/**
	 * The invitations sent to an address (stored in lower case), for its holder's own
	 * data.
	 */
	List<Invitation> findByEmailOrderByCreatedAt(String email);

}
