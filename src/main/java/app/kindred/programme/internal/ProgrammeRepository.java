package app.kindred.programme.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import java.time.Instant;
import java.time.LocalDate;

import app.kindred.programme.ProgrammeStatus;

public interface ProgrammeRepository extends JpaRepository<Programme, UUID> {

	List<Programme> findByOrganisationIdOrderByCreatedAtDesc(UUID organisationId);

	List<Programme> findByStatusOrderBySettingsTermStartAsc(ProgrammeStatus status);

	/** A page of the programmes in the status, with their count. */
	Page<Programme> findByStatus(ProgrammeStatus status, Pageable page);

	/** A page of one organisation's programmes in the status, with their count. */
	Page<Programme> findByStatusAndOrganisationId(ProgrammeStatus status, UUID organisationId, Pageable page);

	/** The organisations with a programme in the status. */
	@Query("select distinct p.organisationId from Programme p where p.status = :status")
	List<UUID> organisationsWith(ProgrammeStatus status);

	@Query("""
			select p from Programme p where p.status = :status
			   and ((p.settings.mentorCallCloses > :after and p.settings.mentorCallCloses <= :until)
			     or (p.settings.signupCloses > :after and p.settings.signupCloses <= :until))""")
	List<Programme> findClosingBetween(ProgrammeStatus status, Instant after, Instant until);

	/** Programmes whose term ended before the day: those retention may be due for. */
	List<Programme> findBySettingsTermEndBefore(LocalDate day);

	List<Programme> findByOrganisationId(UUID organisationId);

}
