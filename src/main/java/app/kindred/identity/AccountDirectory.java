package app.kindred.identity;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Language;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Accounts as other modules and Spring Security see them. */
@Component
class AccountDirectory implements Accounts, UserDetailsService {

	private final AccountRepository accounts;

	private final JdbcClient jdbc;

	AccountDirectory(AccountRepository accounts, JdbcClient jdbc) {
		this.accounts = accounts;
		this.jdbc = jdbc;
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
	Optional<CurrentUser> signedIn(AccountId id) {
		return signingIn("id = ?", id.value()).filter(CurrentUser::isEnabled);
	}

	@Override
	public CurrentUser loadUserByUsername(String email) {
		return signingIn("email = ?", Account.normalize(email))
			.orElseThrow(() -> new UsernameNotFoundException("no such account"));
	}

	/**
	 * The account signing in, as its session will keep it: one row read in plain SQL, as
	 * every sign-in of a rush does it (no entity and no JPA transaction for it).
	 */
	private Optional<CurrentUser> signingIn(String where, Object key) {
		return jdbc.sql("""
				select id, email, display_name, preferred_language, time_zone, password_hash,
				       email_verified_at is not null, credentials_version
				  from account where\s""" + where)
			.param(key)
			.query((rs, n) -> new CurrentUser(new AccountId(rs.getObject(1, UUID.class)), rs.getString(2),
					rs.getString(3), Language.valueOf(rs.getString(4)), ZoneId.of(rs.getString(5)), rs.getString(6),
					rs.getBoolean(7), rs.getLong(8)))
			.optional();
	}

}
