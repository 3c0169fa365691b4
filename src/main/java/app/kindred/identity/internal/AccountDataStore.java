package app.kindred.identity.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The account as its holder may read it: everything but the password hash, the
 * credentials' version and the tokens' hashes, which are secrets and say nothing about
 * the person.
 */
@Repository
class AccountDataStore {

	record Row(String email, String displayName, String preferredLanguage, String timeZone,
			OffsetDateTime emailVerifiedAt, OffsetDateTime createdAt) {
	}

	record Token(String purpose, OffsetDateTime expiresAt, OffsetDateTime usedAt) {
	}

	private final JdbcClient jdbc;

	AccountDataStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Row> account(UUID account) {
		return jdbc.sql("""
				select email, display_name, preferred_language, time_zone, email_verified_at, created_at
				from account where id = ?""").param(account).query(Row.class).optional();
	}

	/**
	 * The links mailed to the person (verification, password reset): when, and whether
	 * used.
	 */
	List<Token> tokens(UUID account) {
		return jdbc
			.sql("select purpose, expires_at, used_at from account_token where account_id = ? order by expires_at")
			.param(account)
			.query(Token.class)
			.list();
	}

}
