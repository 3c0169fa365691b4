package app.kindred.identity;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AccountTokenRepository extends JpaRepository<AccountToken, String> {

	/** A new link makes the older ones of the same kind useless. */
	@Modifying
	@Query("delete from AccountToken t where t.accountId = :accountId and t.purpose = :purpose and t.usedAt is null")
	void deleteUnused(UUID accountId, AccountToken.Purpose purpose);

}
