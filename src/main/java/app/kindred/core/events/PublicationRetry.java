package app.kindred.core.events;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries event publications on a schedule, on every instance, each publication by
 * exactly one of them.
 * <p>
 * Nothing is republished when an instance starts
 * ({@code republish-outstanding-events-on-restart} is off): a starting instance cannot
 * tell a publication whose instance died from one another live instance is processing
 * right now. Instead a publication is due again when it failed and its backoff has
 * passed, or when it has been in progress (published, processing or resubmitted) for
 * longer than the lease, which only happens when its instance died. An instance claims a
 * due publication with one conditional UPDATE that is true only while the publication is
 * still due, and that moves its last attempt to now: of several instances trying at once
 * exactly one changes the row, and the publication is not due again for anyone until the
 * backoff (or lease) has passed once more.
 * <p>
 * Spring Modulith's own tools are not used for the choice, because they are not safe
 * across instances: {@code markResubmitted} updates
 * {@code WHERE status != 'RESUBMITTED'}, which also matches a publication another
 * instance is processing right now, and the staleness monitor measures age from the
 * publication date rather than the last attempt, so it would mark a just-resubmitted old
 * publication failed while it runs. Having claimed, this class hands the claimed
 * publications to Spring Modulith's resubmission ({@link IncompleteEventPublications}),
 * which marks them resubmitted (our claim left them {@code FAILED}, so its update
 * matches), counts the attempt, and invokes the listener, tracking it as in progress so
 * that completion and failure are recorded by the publication's id.
 * <p>
 * Clocks of the instances are assumed to agree to well within the shortest backoff.
 */
@Component
class PublicationRetry {

	private static final Logger log = LoggerFactory.getLogger(PublicationRetry.class);

	private static final int BATCH = 200;

	private final JdbcClient jdbc;

	private final IncompleteEventPublications incomplete;

	private final PublicationSettings settings;

	private final Clock clock;

	PublicationRetry(JdbcClient jdbc, IncompleteEventPublications incomplete, PublicationSettings settings,
			Clock clock) {
		this.jdbc = jdbc;
		this.incomplete = incomplete;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${kindred.events.every:PT30S}", initialDelayString = "${kindred.events.every:PT30S}")
	void sweep() {
		try {
			retry();
			jdbc.sql("DELETE FROM publication_failure WHERE NOT EXISTS "
					+ "(SELECT 1 FROM event_publication p WHERE p.id = publication_failure.publication_id)")
				.update();
		}
		catch (DataAccessException e) {
			log.warn("Could not look for event publications to retry: {}", SafeErrors.describe(e));
		}
	}

	private record Candidate(UUID id, String status, int attempts, Instant triedAt) {
	}

	/**
	 * Claims the publications due now and resubmits them; returns how many this instance
	 * claimed.
	 */
	int retry() {
		var now = clock.instant();
		var candidates = jdbc.sql("""
				SELECT id, COALESCE(status, 'PROCESSING') AS status, completion_attempts,
				       COALESCE(last_resubmission_date, publication_date) AS tried_at
				FROM event_publication
				WHERE completion_date IS NULL
				ORDER BY tried_at
				FETCH FIRST %d ROWS ONLY""".formatted(BATCH))
			.query((rs, n) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("status"),
					rs.getInt("completion_attempts"), rs.getObject("tried_at", OffsetDateTime.class).toInstant()))
			.list();
		var claimed = new HashSet<UUID>();
		for (var candidate : candidates) {
			var wait = "FAILED".equals(candidate.status()) ? settings.backoff(candidate.attempts()) : settings.lease();
			var dueBefore = now.minus(wait);
			if (candidate.triedAt().isAfter(dueBefore)) {
				continue;
			}
			var won = jdbc.sql("""
					UPDATE event_publication SET status = 'FAILED', last_resubmission_date = :now
					WHERE id = :id AND completion_date IS NULL AND COALESCE(status, 'PROCESSING') = :status
					  AND completion_attempts = :attempts
					  AND COALESCE(last_resubmission_date, publication_date) <= :dueBefore""")
				.param("now", utc(now))
				.param("id", candidate.id())
				.param("status", candidate.status())
				.param("attempts", candidate.attempts())
				.param("dueBefore", utc(dueBefore))
				.update() == 1;
			if (won) {
				claimed.add(candidate.id());
			}
		}
		if (!claimed.isEmpty()) {
			log.info("Retrying {} event publication(s)", claimed.size());
			incomplete.resubmitIncompletePublications(publication -> claimed.contains(publication.getIdentifier()));
		}
		return claimed.size();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
