package app.kindred.identity;

import java.util.Optional;

/** Read access to accounts for other modules. */
public interface Accounts {

	Optional<AccountSummary> find(AccountId id);

	Optional<AccountSummary> findByEmail(String email);

	/** The signed-in user of the current request, if any. */
	Optional<CurrentUser> current();

	default CurrentUser requireCurrent() {
		return current().orElseThrow(() -> new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException("not signed in"));
	}
}
