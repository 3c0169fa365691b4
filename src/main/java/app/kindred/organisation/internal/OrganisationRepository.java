package app.kindred.organisation.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OrganisationRepository extends JpaRepository<Organisation, UUID> {

}
