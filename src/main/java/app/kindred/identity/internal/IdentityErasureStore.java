package app.kindred.identity.internal;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.core.PersonalDataEraser;

/** The SQL of forgetting an account. */
@Repository
public class IdentityErasureStore {

	/**
	 * What an erased account's password hash becomes: a bcrypt entry that no password
	 * matches, so the delegating encoder refuses it without an error.
	 */
	static final String UNUSABLE_PASSWORD = "{bcrypt}erased";

	private final JdbcClient jdbc;

	private final CredentialsVersions versions;

	public IdentityErasureStore(JdbcClient jdbc, CredentialsVersions versions) {
		this.jdbc = jdbc;
		this.versions = versions;
	}

	void deleteTraces(UUID account, String email) {
		jdbc.sql("delete from account_token where account_id = ?").param(account).update();
		jdbc.sql("delete from sign_in_failure where account_email = ?").param(email).update();
		jdbc.sql("delete from account_mail_quota where quota_key like ?").param("%" + email + "%").update();
		// Shared sessions name their person by address until they expire: end them now
		// (their attributes go with them, by the table's foreign key)
		jdbc.sql("delete from spring_session where principal_name = ?").param(email).update();
	}

	/**
	 * The account row stays, under a name that says what happened and an address that is
	 * none: every row of other modules that counts a seat or an attendance keeps pointing
	 * at it, and it no longer leads to the person. Raising the credentials version ends
	 * every session it has (SessionFreshness).
	 */
	public void anonymise(UUID account) {
		jdbc.sql("""
				update account set email = ?, display_name = ?, password_hash = ?, email_verified_at = null,
				       credentials_version = credentials_version + 1, version = version + 1
				 where id = ?""")
			.params("erased-" + account, PersonalDataEraser.ERASED_NAME, UNUSABLE_PASSWORD, account)
			.update();
		versions.changed(account);
		jdbc.sql("delete from account_token where account_id = ?").param(account).update();
	}

}
