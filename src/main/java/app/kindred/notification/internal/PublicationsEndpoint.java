package app.kindred.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.kindred.core.events.PublicationMonitor;
import java.time.Duration;

/**
 * {@code /actuator/publications}: for operators, what is not done yet. Event publications
 * (incomplete, failed, processing) and recorded mail (pending, failed), with counts, the
 * age of the oldest, and the stuck ones by id, type or kind, status, attempts and last
 * error. Never a recipient's address or a mail's content: the errors have their addresses
 * masked.
 */
@Component
@Endpoint(id = "publications")
class PublicationsEndpoint {

	private static final int MAX_ITEMS = 50;

	record Report(PublicationMonitor.Summary publications, Mails mails) {
	}

	/** Counts and ages in seconds (null when there is none). */
	record Mails(int pending, int failed, Long oldestPendingSeconds, Long oldestFailedSeconds, List<StuckMail> stuck) {
	}

	/** A failed mail, or a pending one that has failed at least once. */
	record StuckMail(UUID id, String kind, String status, int attempts, String lastError, long ageSeconds) {
	}

	private final PublicationMonitor publications;

	private final JdbcClient jdbc;

	private final Clock clock;

	PublicationsEndpoint(PublicationMonitor publications, JdbcClient jdbc, Clock clock) {
		this.publications = publications;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@ReadOperation
	Report report() {
		var now = clock.instant();
		return new Report(publications.summary(), mails(now));
	}

	private Mails mails(Instant now) {
		record Count(String status, int count, Instant oldest) {
		}
		var counts = jdbc.sql("""
				SELECT status, COUNT(*) AS n, MIN(created_at) AS oldest FROM outgoing_mail
				WHERE status IN ('PENDING', 'FAILED') GROUP BY status""")
			.query((rs, n) -> new Count(rs.getString("status"), rs.getInt("n"),
					rs.getObject("oldest", OffsetDateTime.class).toInstant()))
			.list();
		var stuck = jdbc.sql("""
				SELECT id, kind, status, attempts, last_error, created_at FROM outgoing_mail
				WHERE status = 'FAILED' OR (status = 'PENDING' AND last_error IS NOT NULL)
				ORDER BY created_at
				FETCH FIRST %d ROWS ONLY""".formatted(MAX_ITEMS))
			.query((rs, n) -> new StuckMail(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
					seconds(rs.getObject("created_at", OffsetDateTime.class).toInstant(), now)))
			.list();
		var pending = counts.stream().filter(c -> c.status().equals("PENDING")).findFirst();
		var failed = counts.stream().filter(c -> c.status().equals("FAILED")).findFirst();
		return new Mails(pending.map(Count::count).orElse(0), failed.map(Count::count).orElse(0),
				pending.map(c -> seconds(c.oldest(), now)).orElse(null),
				failed.map(c -> seconds(c.oldest(), now)).orElse(null), stuck);
	}

	private static long seconds(Instant at, Instant now) {
		return Math.max(0, Duration.between(at, now).toSeconds());
	}

}
