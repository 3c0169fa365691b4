package app.kindred.identity.internal;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.kindred.core.SharedCache;
import app.kindred.core.SharedCaches;

/**
 * Each account's credentials version, which every signed-in request compares with its
 * session's: kept in a {@link SharedCache}, so that a request no longer reads the account
 * row for it. Whatever raises the version (a password changed or reset, an account
 * erased) calls {@link #changed} in the same transaction, which drops the value on every
 * instance as that transaction commits, as the read did before.
 */
@Component
public class CredentialsVersions {

	/** About the accounts signed in at once on one instance in a busy hour. */
	private static final int KEPT = 100_000;

	private final JdbcClient jdbc;

	private final SharedCache<UUID, Long> versions;

	public CredentialsVersions(JdbcClient jdbc, SharedCaches caches) {
		this.jdbc = jdbc;
		this.versions = caches.create("credentials", KEPT);
	}

	/**
	 * Whether a session signed in with {@code version} of the account's credentials is
	 * still current. A kept version older than the session's own is one whose change has
	 * not reached this instance yet (the session changed the password elsewhere a moment
	 * ago): then the account row decides, so a fresh session is never ended by a stale
	 * value. No account (erased, deleted): not current.
	 */
	public boolean isCurrent(UUID account, long version) {
		var known = versions.get(account, () -> read(account));
		if (known != null && known < version) {
			known = read(account);
		}
		return known != null && known == version;
	}

	private Long read(UUID account) {
		return jdbc.sql("select credentials_version from account where id = ?")
			.param(account)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/** The account's version is being raised in the current transaction. */
	public void changed(UUID account) {
		versions.forget(account);
	}

}
