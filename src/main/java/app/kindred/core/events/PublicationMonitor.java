package app.kindred.core.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the event publication registry holds that is not done, for the operators' view: no
 * event's content.
 */
@Component
public class PublicationMonitor {

	private static final int MAX_ITEMS = 50;

	/**
	 * Counts, and the age in seconds of the oldest of each kind (null when there is
	 * none).
	 */
	public record Summary(int incomplete, int failed, int processing, Long oldestIncompleteSeconds,
			Long oldestFailedSeconds, Long oldestProcessingSeconds, List<Item> stuck) {
	}

	/**
	 * A failed publication, or one in progress beyond its lease: its event's type, never
	 * its content.
	 */
	public record Item(UUID id, String eventType, String listener, String status, int attempts, String lastError,
			long ageSeconds, long sinceLastAttemptSeconds) {
	}

	private final JdbcClient jdbc;

	private final PublicationSettings settings;

	private final Clock clock;

	PublicationMonitor(JdbcClient jdbc, PublicationSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Summary summary() {
		var now = clock.instant();
		var rows = jdbc
			.sql("""
					SELECT p.id, p.event_type, p.listener_id, COALESCE(p.status, 'PROCESSING') AS status, p.completion_attempts,
					       p.publication_date, COALESCE(p.last_resubmission_date, p.publication_date) AS tried_at, f.last_error
					FROM event_publication p LEFT JOIN publication_failure f ON f.publication_id = p.id
					WHERE p.completion_date IS NULL
					ORDER BY p.publication_date""")
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("event_type"),
					rs.getString("listener_id"), rs.getString("status"), rs.getInt("completion_attempts"),
					rs.getObject("publication_date", OffsetDateTime.class).toInstant(),
					rs.getObject("tried_at", OffsetDateTime.class).toInstant(), rs.getString("last_error")))
			.list();
		var failed = rows.stream().filter(r -> r.status().equals("FAILED")).toList();
		var processing = rows.stream()
			.filter(r -> r.status().equals("PROCESSING") || r.status().equals("RESUBMITTED"))
			.toList();
		var stuck = rows.stream()
			.filter(r -> r.status().equals("FAILED") || r.triedAt().plus(settings.lease()).isBefore(now))
			.limit(MAX_ITEMS)
			.map(r -> new Item(r.id(), r.eventType(), r.listenerId(), r.status(), r.attempts(), r.lastError(),
					seconds(r.publishedAt(), now), seconds(r.triedAt(), now)))
			.toList();
		return new Summary(rows.size(), failed.size(), processing.size(), oldest(rows, now), oldest(failed, now),
				oldest(processing, now), stuck);
	}

	private record Row(UUID id, String eventType, String listenerId, String status, int attempts, Instant publishedAt,
			Instant triedAt, String lastError) {
	}

	private static Long oldest(List<Row> rows, Instant now) {
		return rows.stream().map(Row::publishedAt).min(Instant::compareTo).map(at -> seconds(at, now)).orElse(null);
	}

	static long seconds(Instant at, Instant now) {
		return Math.max(0, Duration.between(at, now).toSeconds());
	}

}
