package app.kindred.recruitment.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.RecruitmentRole;

/**
 * The order of a pool's waiting list, kept so that a place on it is read without counting
 * the people ahead (issue 17: a count of the WAITING rows before someone read the whole
 * list ahead of them, three times per person in a rush).
 *
 * <p>
 * Every entry takes a rank ({@code application.waiting_rank}) and every exit is recorded
 * as a departure ({@code waiting_departure}). The pool's ranks of those waiting and its
 * departures are together exactly {@code first_waiting_rank .. next_waiting_rank - 1},
 * each once; ranks follow arrival order among those waiting; and
 * {@code first_waiting_rank} is the rank of the first one waiting, or
 * {@code next_waiting_rank} when nobody waits. So the place of rank {@code r} is
 * {@code 1 + (r - first) - (departures below r)}: exact and without gaps by construction,
 * read with one row and an index range count over those who left from behind someone
 * still waiting. A departure from the front (a promotion, the common exit) moves
 * {@code first_waiting_rank} on instead of leaving a row.
 *
 * <p>
 * Every method that changes the list runs under the pool's row lock, in the
 * {@link SeatAllocator}'s transaction, after the application's own state has been
 * written; the reads are single statements, so each sees one consistent state.
 */
@Repository
class WaitingList {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	WaitingList(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** A pool's rank of the first one waiting and the rank the next entry takes. */
	private record Ranks(long first, long next) {
	}

	private Ranks ranks(ProgrammeId programme, RecruitmentRole role) {
		return jdbc
			.sql("select first_waiting_rank, next_waiting_rank from seat_pool where programme_id = ? and role = ?")
			.params(programme.value(), role.name())
			.query((rs, n) -> new Ranks(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/** How many wait in the pool. */
	int count(ProgrammeId programme, RecruitmentRole role) {
		return line(programme, role).waiting();
	}

	/** How many wait in a pool, and the rank the next to join takes. */
	record Line(int waiting, long next) {
	}

	/**
	 * {@link #count} and the next rank in one read, for the allocator, which moves the
	 * next rank on itself with the pool's other counters.
	 */
	Line line(ProgrammeId programme, RecruitmentRole role) {
		return jdbc
			.sql("""
					select p.next_waiting_rank - p.first_waiting_rank
					       - (select count(*) from waiting_departure d where d.programme_id = p.programme_id and d.role = p.role),
					       p.next_waiting_rank
					  from seat_pool p where p.programme_id = ? and p.role = ?""")
			.params(programme.value(), role.name())
			.query((rs, n) -> new Line(rs.getInt(1), rs.getLong(2)))
			.single();
	}

	/** The place on the list of the one waiting at this rank, 1 for the first. */
	int position(ProgrammeId programme, RecruitmentRole role, long rank) {
		// The ranks below r that are not waiting: those before the first, and departures
		long notWaiting = jdbc
			.sql("""
					select p.first_waiting_rank - 1
					       + (select count(*) from waiting_departure d where d.programme_id = p.programme_id and d.role = p.role
					             and d.waiting_rank < ?)
					  from seat_pool p where p.programme_id = ? and p.role = ?""")
			.params(rank, programme.value(), role.name())
			.query(Long.class)
			.single();
		return (int) (rank - notWaiting);
	}

	/**
	 * The first of {@code count} consecutive ranks at the end of the list, for those who
	 * arrive now in that order (or arrive anew, as one returned to the list does).
	 */
	long append(ProgrammeId programme, RecruitmentRole role, int count) {
		long rank = ranks(programme, role).next();
		jdbc.sql("update seat_pool set next_waiting_rank = ? where programme_id = ? and role = ?")
			.params(rank + count, programme.value(), role.name())
			.update();
		return rank;
	}

	/**
	 * A rank in arrival order for someone who arrived earlier and enters only now
	 * (accepted after awaiting approval while later arrivals already wait, as when
	 * approval was switched off meanwhile): the rank of the first one waiting who arrived
	 * after them, whose rank and every rank behind it, waiting or departed, move up by
	 * one. That writes the rest of the list, but only in this rare case; every other
	 * entry is at the end.
	 */
	long insert(ProgrammeId programme, RecruitmentRole role, long arrival) {
		var later = jdbc.sql("""
				select waiting_rank from application
				 where programme_id = ? and role = ? and state = 'WAITING' and arrival > ?
				 order by arrival fetch first 1 rows only""")
			.params(programme.value(), role.name(), arrival)
			.query(Long.class)
			.optional();
		if (later.isEmpty()) {
			return append(programme, role, 1);
		}
		long rank = later.get();
		jdbc.sql("""
				update application set waiting_rank = waiting_rank + 1
				 where programme_id = ? and role = ? and state = 'WAITING' and waiting_rank >= ?""")
			.params(programme.value(), role.name(), rank)
			.update();
		jdbc.sql("""
				update waiting_departure set waiting_rank = waiting_rank + 1
				 where programme_id = ? and role = ? and waiting_rank >= ?""")
			.params(programme.value(), role.name(), rank)
			.update();
		jdbc.sql("update seat_pool set next_waiting_rank = next_waiting_rank + 1 where programme_id = ? and role = ?")
			.params(programme.value(), role.name())
			.update();
		return rank;
	}

	/**
	 * These ranks left the list (their applications are no longer WAITING): each is
	 * recorded as a departure unless it was ahead of everyone still waiting, in which
	 * case the front moves on past it and past every departure before the new first.
	 */
	void left(ProgrammeId programme, RecruitmentRole role, Collection<Long> ranks) {
		if (ranks.isEmpty()) {
			return;
		}
		var before = ranks(programme, role);
		// Ranks follow arrival among those waiting, so the first by arrival has the
		// lowest
		long first = jdbc.sql("""
				select waiting_rank from application where programme_id = ? and role = ? and state = 'WAITING'
				 order by arrival fetch first 1 rows only""")
			.params(programme.value(), role.name())
			.query(Long.class)
			.optional()
			.orElse(before.next());
		List<Long> behind = ranks.stream().filter(rank -> rank > first).toList();
		if (!behind.isEmpty()) {
			batch.batchUpdate("insert into waiting_departure (programme_id, role, waiting_rank) values (?, ?, ?)",
					new BatchPreparedStatementSetter() {

						@Override
						public void setValues(PreparedStatement ps, int i) throws SQLException {
							ps.setObject(1, programme.value());
							ps.setString(2, role.name());
							ps.setLong(3, behind.get(i));
						}

						@Override
						public int getBatchSize() {
							return behind.size();
						}

					});
		}
		if (first > before.first()) {
			jdbc.sql("delete from waiting_departure where programme_id = ? and role = ? and waiting_rank < ?")
				.params(programme.value(), role.name(), first)
				.update();
			jdbc.sql("update seat_pool set first_waiting_rank = ? where programme_id = ? and role = ?")
				.params(first, programme.value(), role.name())
				.update();
		}
	}

}
