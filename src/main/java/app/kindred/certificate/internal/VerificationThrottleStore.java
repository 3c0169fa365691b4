package app.kindred.certificate.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The verification page's count of lookups per client, one row each, shared by every
 * instance. Each statement commits alone: a lookup counts whatever becomes of the
 * request.
 */
@Repository
class VerificationThrottleStore {

	private final JdbcClient jdbc;

	VerificationThrottleStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counts one lookup in one conditional update: a window that opened before
	 * {@code open} starts again at one, a live one counts up while under the limit. False
	 * when the client has no row or has used up its lookups, so concurrent lookups on
	 * several instances never exceed the limit together.
	 */
	boolean count(String client, Instant now, Instant open, int limit) {
		return jdbc.sql("""
				update verification_throttle
				   set lookups = case when window_start > ? then lookups + 1 else 1 end,
				       window_start = case when window_start > ? then window_start else ? end
				 where client = ? and (window_start <= ? or lookups < ?)""")
			.params(CertificateStore.at(open), CertificateStore.at(open), CertificateStore.at(now), client,
					CertificateStore.at(open), limit)
			.update() == 1;
	}

	/** The client's first lookup; false when its row was made meanwhile. */
	boolean first(String client, Instant now) {
		try {
			jdbc.sql("insert into verification_throttle (client, lookups, window_start) values (?, 1, ?)")
				.params(client, CertificateStore.at(now))
				.update();
			return true;
		}
		catch (DuplicateKeyException raced) {
			return false;
		}
	}

	/**
	 * When the client's window opened, if it has used up its lookups in a window that
	 * opened after {@code open}.
	 */
	Optional<Instant> exhaustedSince(String client, Instant open, int limit) {
		return jdbc
			.sql("select window_start from verification_throttle where client = ? and window_start > ? "
					+ "and lookups >= ?")
			.params(client, CertificateStore.at(open), limit)
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	int forgetBefore(Instant open) {
		return jdbc.sql("delete from verification_throttle where window_start <= ?")
			.param(CertificateStore.at(open))
			.update();
	}

}
