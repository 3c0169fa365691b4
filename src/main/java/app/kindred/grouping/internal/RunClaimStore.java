package app.kindred.grouping.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.kindred.programme.ProgrammeId;

/**
 * One solver run per programme across every application instance: a row claimed before
 * the run starts and deleted when its proposal is stored. The row also carries the run's
 * progress and a stop asked on any instance.
 */
@Component
class RunClaimStore {

	/**
	 * How long past its time limit a claim outlives an instance that died while running
	 * it.
	 */
	static final Duration MARGIN = Duration.ofMinutes(2);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RunClaimStore(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Claims the programme for a run with this time limit; false while another run holds
	 * an unexpired claim.
	 */
	boolean claim(ProgrammeId id, Duration timeLimit) {
		var now = clock.instant();
		var started = Timestamp.from(now);
		var expires = Timestamp.from(now.plus(timeLimit).plus(MARGIN));
		try {
			return Boolean.TRUE.equals(transactions.execute(status -> {
				// A claim left by a dead instance is taken over; a live one is not
				if (jdbc.sql("""
						update formation_run set started_at = ?, expires_at = ?, stop_requested = ?, score = null,
						       feasible = ?, participants_placed = 0, participants = 0, elapsed_ms = 0
						 where programme_id = ? and expires_at < ?""")
					.params(started, expires, false, false, id.value(), started)
					.update() == 1) {
					return true;
				}
				jdbc.sql("insert into formation_run (programme_id, started_at, expires_at) values (?, ?, ?)")
					.params(id.value(), started, expires)
					.update();
				return true;
			}));
		}
		catch (DuplicateKeyException taken) {
			return false;
		}
	}

	void release(ProgrammeId id) {
		jdbc.sql("delete from formation_run where programme_id = ?").param(id.value()).update();
	}

	void requestStop(ProgrammeId id) {
		jdbc.sql("update formation_run set stop_requested = ? where programme_id = ?")
			.params(true, id.value())
			.update();
	}

	/**
	 * Writes a run's progress for every instance to see; answers whether a stop was asked
	 * for.
	 */
	boolean report(ProgrammeId id, FormationProgress progress) {
		if (progress != null) {
			jdbc.sql(
					"""
							update formation_run set score = ?, feasible = ?, participants_placed = ?, participants = ?, elapsed_ms = ?
							 where programme_id = ?""")
				.params(progress.score(), progress.feasible(), progress.participantsPlaced(), progress.participants(),
						progress.elapsed().toMillis(), id.value())
				.update();
		}
		return jdbc.sql("select stop_requested from formation_run where programme_id = ?")
			.param(id.value())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	private static Duration limit(Instant started, Instant expires) {
		var limit = Duration.between(started, expires).minus(MARGIN);
		return limit.isNegative() ? Duration.ZERO : limit;
	}

	/** The run under way on any instance, as last reported. */
	Optional<FormationProgress> current(ProgrammeId id) {
		return jdbc.sql("""
				select score, feasible, participants_placed, participants, elapsed_ms, started_at, expires_at
				  from formation_run where programme_id = ? and expires_at >= ?""")
			.params(id.value(), Timestamp.from(clock.instant()))
			// The claim lasts the run's time limit and the margin
			.query((rs, n) -> new FormationProgress(rs.getString(1) == null ? "" : rs.getString(1), rs.getBoolean(2),
					rs.getInt(3), rs.getInt(4), Duration.ofMillis(rs.getLong(5)), false,
					limit(rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant())))
			.optional();
	}

}
