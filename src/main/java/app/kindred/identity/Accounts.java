package app.kindred.identity;

import java.util.Optional;
import java.util.Collection;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** Read access to accounts for other modules. */
public interface Accounts {

	Optional<AccountSummary> find(AccountId id);

	Optional<AccountSummary> findByEmail(String email);

	/** Many accounts in one query, for lists; unknown ids are left out. */
	Map<AccountId, AccountSummary> findAll(Collection<AccountId> ids);

	/** The signed-in user of the current request, if any. */
	Optional<CurrentUser> current();

	default CurrentUser requireCurrent() {
		return current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in"));
	}

}
