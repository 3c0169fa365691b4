package app.kindred.identity;

import java.util.Optional;

/** Read access to accounts for other modules. */
public interface Accounts {

	Optional<AccountSummary> find(AccountId id);

	Optional<AccountSummary> findByEmail(String email);

	/** Many accounts in one query, for lists; unknown ids are left out. */
	java.util.Map<AccountId, AccountSummary> findAll(java.util.Collection<AccountId> ids);

	/** The signed-in user of the current request, if any. */
	Optional<CurrentUser> current();

	default CurrentUser requireCurrent() {
		return current().orElseThrow(() -> new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException("not signed in"));
	}
}
