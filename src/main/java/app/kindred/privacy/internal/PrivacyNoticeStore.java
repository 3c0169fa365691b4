package app.kindred.privacy.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.core.Language;

/**
 * Organisations' privacy notices and who acknowledged theirs. Callers own the
 * transactions.
 */
@Repository
class PrivacyNoticeStore {

	/** One language's version of an organisation's notice. */
	record Version(UUID organisation, Language language, String body, Instant updatedAt) {
	}

	private final JdbcClient jdbc;

	PrivacyNoticeStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The organisation's versions, by language. */
	List<Version> versions(UUID organisation) {
		return jdbc.sql("""
				select organisation_id, language, body, updated_at from privacy_notice
				 where organisation_id = ? order by language""")
			.param(organisation)
			.query((rs, n) -> new Version(rs.getObject("organisation_id", UUID.class),
					Language.valueOf(rs.getString("language")), rs.getString("body"),
					rs.getObject("updated_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Writes one language's version; an empty text removes it. */
	void save(UUID organisation, Language language, String body, UUID by, Instant at) {
		jdbc.sql("delete from privacy_notice where organisation_id = ? and language = ?")
			.params(organisation, language.name())
			.update();
		if (body != null && !body.isBlank()) {
			jdbc.sql("""
					insert into privacy_notice (organisation_id, language, body, updated_at, updated_by)
					values (?, ?, ?, ?, ?)""").params(organisation, language.name(), body, at(at), by).update();
		}
	}

	boolean seen(UUID account) {
		return jdbc.sql("select count(*) from privacy_notice_seen where account_id = ?")
			.param(account)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Acknowledged once: a second acknowledgement keeps the first time. Outside a
	 * transaction, so a concurrent one does not spoil it.
	 */
	void markSeen(UUID account, Instant at) {
		if (seen(account)) {
			return;
		}
		try {
			jdbc.sql("insert into privacy_notice_seen (account_id, seen_at) values (?, ?)")
				.params(account, at(at))
				.update();
		}
		catch (DuplicateKeyException twice) {
			// Acknowledged in another tab at the same moment: it is acknowledged
		}
	}

	Instant seenAt(UUID account) {
		return jdbc.sql("select seen_at from privacy_notice_seen where account_id = ?")
			.param(account)
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant)
			.orElse(null);
	}

	void forget(UUID account) {
		jdbc.sql("delete from privacy_notice_seen where account_id = ?").param(account).update();
		jdbc.sql("update privacy_notice set updated_by = null where updated_by = ?").param(account).update();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

}
