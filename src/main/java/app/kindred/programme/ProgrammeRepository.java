package app.kindred.programme;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;


interface ProgrammeRepository extends JpaRepository<Programme, UUID> {

	List<Programme> findByOrganisationIdOrderByCreatedAtDesc(UUID organisationId);

	List<Programme> findByStatusOrderBySettingsTermStartAsc(ProgrammeStatus status);
}
