package app.kindred.organisation.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OrganisationRepository extends JpaRepository<Organisation, UUID> {

	@Query("select o from Organisation o where o.id in "
			+ "(select m.organisationId from Membership m where m.accountId = :accountId) order by o.name")
	List<Organisation> staffedBy(UUID accountId);

}
