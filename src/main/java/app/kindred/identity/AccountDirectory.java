package app.kindred.identity;

import java.util.Optional;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Accounts as other modules and Spring Security see them. */
@Component
class AccountDirectory implements Accounts, UserDetailsService {

	private final AccountRepository accounts;

	AccountDirectory(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AccountSummary> find(AccountId id) {
		return accounts.findById(id.value()).map(Account::summary);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AccountSummary> findByEmail(String email) {
		return email == null ? Optional.empty() : accounts.findByEmail(Account.normalize(email)).map(Account::summary);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<AccountId, AccountSummary> findAll(Collection<AccountId> ids) {
		var result = new HashMap<AccountId, AccountSummary>();
		accounts.findAllById(ids.stream().map(AccountId::value).toList()).forEach(a -> result.put(a.id(), a.summary()));
		return result;
	}

	@Override
	public Optional<CurrentUser> current() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? Optional.of(user)
				: Optional.empty();
	}

	/**
	 * A verified account signed in through an identity provider, as the session keeps it.
	 */
	@Transactional(readOnly = true)
	Optional<CurrentUser> signedIn(AccountId id) {
		return accounts.findById(id.value()).filter(Account::isVerified).map(Account::toCurrentUser);
	}

	@Override
	@Transactional(readOnly = true)
	public CurrentUser loadUserByUsername(String email) {
		return accounts.findByEmail(Account.normalize(email))
			.map(Account::toCurrentUser)
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
	}

}
