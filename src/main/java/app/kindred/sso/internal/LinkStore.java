package app.kindred.sso.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;

/** Who a provider's subject is, and the mailed links that prove it. */
@Repository
class LinkStore {

	private final JdbcClient jdbc;

	LinkStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A provider's subject at its issuer, waiting to be joined to an account. */
	record Subject(OrganisationId organisation, String issuer, String subject, String studyNumber) {
	}

	record LinkToken(AccountId account, Subject subject, Instant expiresAt) {
	}

	Optional<AccountId> account(String issuer, String subject) {
		return jdbc.sql("select account_id from sso_link where issuer = ? and subject = ?")
			.params(issuer, subject)
			.query((rs, n) -> new AccountId(rs.getObject("account_id", UUID.class)))
			.optional();
	}

	/** Throws {@code DuplicateKeyException} when the subject is linked already. */
	void link(Subject s, AccountId account, Instant now) {
		jdbc.sql("""
				insert into sso_link (issuer, subject, account_id, organisation_id, study_number, linked_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(s.issuer(), s.subject(), account.value(), s.organisation().value(), s.studyNumber(), at(now))
			.update();
	}

	/** The provider may send a study number later, or a new one. */
	void studyNumber(String issuer, String subject, String studyNumber) {
		jdbc.sql("update sso_link set study_number = ? where issuer = ? and subject = ?")
			.params(studyNumber, issuer, subject)
			.update();
	}

	void insertToken(String hash, AccountId account, Subject s, Instant now, Instant expires) {
		jdbc.sql("""
				insert into sso_link_token (token_hash, account_id, organisation_id, issuer, subject, study_number,
				created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(hash, account.value(), s.organisation().value(), s.issuer(), s.subject(), s.studyNumber(), at(now),
					at(expires))
			.update();
	}

	long tokensSince(AccountId account, Instant since) {
		return jdbc.sql("select count(*) from sso_link_token where account_id = ? and created_at > ?")
			.params(account.value(), at(since))
			.query(Long.class)
			.single();
	}

	Optional<LinkToken> usableToken(String hash, Instant now) {
		return jdbc.sql("""
				select account_id, organisation_id, issuer, subject, study_number, expires_at from sso_link_token
				where token_hash = ? and used_at is null and expires_at > ?""")
			.params(hash, at(now))
			.query((rs, n) -> new LinkToken(new AccountId(rs.getObject("account_id", UUID.class)),
					new Subject(new OrganisationId(rs.getObject("organisation_id", UUID.class)), rs.getString("issuer"),
							rs.getString("subject"), rs.getString("study_number")),
					rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** Whether this call used it: a token is used once, however many open it at once. */
	boolean useToken(String hash, Instant now) {
		return jdbc.sql("update sso_link_token set used_at = ? where token_hash = ? and used_at is null")
			.params(at(now), hash)
			.update() == 1;
	}

	/** A person's links to providers, for their own data. */
	List<Linked> linksOf(AccountId account) {
		return jdbc.sql("select issuer, study_number, linked_at from sso_link where account_id = ? order by linked_at")
			.param(account.value())
			.query((rs, n) -> new Linked(rs.getString("issuer"), rs.getString("study_number"),
					rs.getObject("linked_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * Forgets the person's links and mailed link tokens: a later sign-in through the
	 * provider then finds no account, rather than the erased one.
	 */
	void forget(AccountId account) {
		jdbc.sql("delete from sso_link_token where account_id = ?").param(account.value()).update();
		jdbc.sql("delete from sso_link where account_id = ?").param(account.value()).update();
	}

	record Linked(String issuer, String studyNumber, Instant linkedAt) {
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

}
