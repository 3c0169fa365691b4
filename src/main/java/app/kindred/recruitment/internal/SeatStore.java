package app.kindred.recruitment.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.ApplicationState;
import app.kindred.recruitment.RecruitmentRole;

/**
 * The seat pools and the states of applications as the {@link SeatAllocator} decides
 * them. Every statement runs in the allocator's transaction; which of them lock the pool
 * is the allocator's business, told where it calls them.
 */
@Repository
class SeatStore {

	/** A pool's row: its seats, how many are taken, and the next arrival number. */
	record Pool(int capacity, int seated, long nextArrival) {
	}

	/** A pool's seats and how many are taken. */
	record Seats(int capacity, int seated) {

		int free() {
			return capacity - seated;
		}

	}

	/** An application in line for a decision: pending, or first on the waiting list. */
	record Candidate(UUID application, AccountId account) {
	}

	/** Whose application it is, and in which pool. */
	record Owner(ProgrammeId programme, RecruitmentRole role, AccountId account) {
	}

	/** Where an application stands now; its waiting-list rank is null unless it waits. */
	record Place(ApplicationState state, long arrival, Long waitingRank) {
	}

	/** Someone on the waiting list, with their rank ({@link WaitingList}). */
	record InLine(UUID application, AccountId account, long rank) {
	}

	/** A pool with applications still pending. */
	record PoolKey(ProgrammeId programme, RecruitmentRole role) {
	}

	/**
	 * A pending application as the allocator decided it, with its arrival number and,
	 * when it waits, its waiting-list rank.
	 */
	record Numbered(UUID application, ApplicationState state, long arrival, Long waitingRank) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	SeatStore(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	boolean poolExists(ProgrammeId programme, RecruitmentRole role) {
		return jdbc.sql("select count(*) from seat_pool where programme_id = ? and role = ?")
			.params(programme.value(), role.name())
			.query(Integer.class)
			.single() > 0;
	}

	/** Throws {@code DuplicateKeyException} when the pool is there already. */
	void createPool(ProgrammeId programme, RecruitmentRole role, int capacity) {
		jdbc.sql("""
				insert into seat_pool (programme_id, role, capacity, seated, next_arrival, first_waiting_rank,
				                       next_waiting_rank)
				values (?, ?, ?, 0, 1, 1, 1)""").params(programme.value(), role.name(), capacity).update();
	}

	/** The pool, locked until the transaction ends; empty while another holds it. */
	Optional<Pool> lockUnlessHeld(ProgrammeId programme, RecruitmentRole role) {
		return jdbc.sql("""
				select capacity, seated, next_arrival from seat_pool
				 where programme_id = ? and role = ? for update skip locked""")
			.params(programme.value(), role.name())
			.query((rs, n) -> new Pool(rs.getInt(1), rs.getInt(2), rs.getLong(3)))
			.optional();
	}

	/** Waits for the pool's lock, held until the transaction ends. */
	void lock(ProgrammeId programme, RecruitmentRole role) {
		jdbc.sql("select seated from seat_pool where programme_id = ? and role = ? for update")
			.params(programme.value(), role.name())
			.query(Integer.class)
			.single();
	}

	/** Pending applications in the order their sign-ups committed. */
	List<Candidate> pending(ProgrammeId programme, RecruitmentRole role) {
		return jdbc.sql("""
				select id, account_id from application
				 where programme_id = ? and role = ? and state = 'PENDING' order by submitted""")
			.params(programme.value(), role.name())
			.query((rs, n) -> new Candidate(rs.getObject(1, UUID.class), new AccountId(rs.getObject(2, UUID.class))))
			.list();
	}

	/** The pools with applications left pending. */
	List<PoolKey> poolsWithPending() {
		return jdbc.sql("select distinct programme_id, role from application where state = 'PENDING'")
			.query((rs, n) -> new PoolKey(new ProgrammeId(rs.getObject(1, UUID.class)),
					RecruitmentRole.valueOf(rs.getString(2))))
			.list();
	}

	/** Writes the decided states, arrival numbers and waiting ranks in one batch. */
	void number(List<Numbered> decided, Timestamp now) {
		batch.batchUpdate(
				"update application set state = ?, arrival = ?, waiting_rank = ?, decided_at = ? where id = ?",
				new BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement ps, int i) throws SQLException {
						var numbered = decided.get(i);
						ps.setString(1, numbered.state().name());
						ps.setLong(2, numbered.arrival());
						ps.setObject(3, numbered.waitingRank(), Types.BIGINT);
						ps.setTimestamp(4, now);
						ps.setObject(5, numbered.application());
					}

					@Override
					public int getBatchSize() {
						return decided.size();
					}

				});
	}

	/**
	 * The pool's counters after an allocation; {@code nextWaitingRank} is null when
	 * nobody joined the waiting list.
	 */
	void updatePool(ProgrammeId programme, RecruitmentRole role, long seated, long nextArrival, Long nextWaitingRank) {
		if (nextWaitingRank == null) {
			jdbc.sql("update seat_pool set seated = ?, next_arrival = ? where programme_id = ? and role = ?")
				.params(seated, nextArrival, programme.value(), role.name())
				.update();
			return;
		}
		jdbc.sql("""
				update seat_pool set seated = ?, next_arrival = ?, next_waiting_rank = ?
				 where programme_id = ? and role = ?""")
			.params(seated, nextArrival, nextWaitingRank, programme.value(), role.name())
			.update();
	}

	/** Whether any pool row was there to take the new capacity. */
	boolean resize(ProgrammeId programme, RecruitmentRole role, int capacity) {
		return jdbc.sql("update seat_pool set capacity = ? where programme_id = ? and role = ?")
			.params(capacity, programme.value(), role.name())
			.update() > 0;
	}

	Seats seats(ProgrammeId programme, RecruitmentRole role) {
		return jdbc.sql("select capacity, seated from seat_pool where programme_id = ? and role = ?")
			.params(programme.value(), role.name())
			.query((rs, n) -> new Seats(rs.getInt(1), rs.getInt(2)))
			.single();
	}

	long nextArrival(ProgrammeId programme, RecruitmentRole role) {
		return jdbc.sql("select next_arrival from seat_pool where programme_id = ? and role = ?")
			.params(programme.value(), role.name())
			.query(Long.class)
			.single();
	}

	/** A seat freed. */
	void release(ProgrammeId programme, RecruitmentRole role) {
		jdbc.sql("update seat_pool set seated = seated - 1 where programme_id = ? and role = ?")
			.params(programme.value(), role.name())
			.update();
	}

	/** A seat taken. */
	void take(ProgrammeId programme, RecruitmentRole role) {
		jdbc.sql("update seat_pool set seated = seated + 1 where programme_id = ? and role = ?")
			.params(programme.value(), role.name())
			.update();
	}

	/**
	 * Takes the next arrival number for someone returned, freeing their seat if they had
	 * one.
	 */
	void takeArrival(ProgrammeId programme, RecruitmentRole role, int freed) {
		jdbc.sql(
				"update seat_pool set next_arrival = next_arrival + 1, seated = seated - ? where programme_id = ? and role = ?")
			.params(freed, programme.value(), role.name())
			.update();
	}

	Optional<Owner> owner(UUID application) {
		return jdbc.sql("select programme_id, role, account_id from application where id = ?")
			.param(application)
			.query((rs, n) -> new Owner(new ProgrammeId(rs.getObject(1, UUID.class)),
					RecruitmentRole.valueOf(rs.getString(2)), new AccountId(rs.getObject(3, UUID.class))))
			.optional();
	}

	ApplicationState state(UUID application) {
		return ApplicationState.valueOf(
				jdbc.sql("select state from application where id = ?").param(application).query(String.class).single());
	}

	Place place(UUID application) {
		return jdbc.sql("select state, arrival, waiting_rank from application where id = ?")
			.param(application)
			.query((rs, n) -> new Place(ApplicationState.valueOf(rs.getString(1)), rs.getLong(2),
					rs.getObject(3, Long.class)))
			.single();
	}

	/**
	 * Withdrawn, it no longer keeps the person from another live application, nor a rank:
	 * the caller records its departure from the waiting list.
	 */
	void withdraw(UUID application, Timestamp now) {
		jdbc.sql("""
				update application set state = 'WITHDRAWN', withdrawn_at = ?, live_account = null, waiting_rank = null
				 where id = ?""").params(now, application).update();
	}

	/**
	 * To a state off the waiting list (entering it takes a rank: {@link #toWaiting},
	 * {@link #requeue}); whoever waited leaves their rank, and the caller records the
	 * departure. A state that is no longer live (declined) frees the person's key for
	 * another application; a live one keeps whatever key the row has.
	 */
	void setState(UUID application, ApplicationState state, Timestamp now) {
		if (state == ApplicationState.WAITING) {
			throw new IllegalArgumentException("entering the waiting list takes a rank");
		}
		jdbc.sql("""
				update application set state = ?, decided_at = ?, waiting_rank = null,
				       live_account = case when ? then live_account else null end
				 where id = ?""").params(state.name(), now, state.live(), application).update();
	}

	/** Onto the waiting list at this rank, keeping the arrival number. */
	void toWaiting(UUID application, long rank, Timestamp now) {
		jdbc.sql("update application set state = 'WAITING', waiting_rank = ?, decided_at = ? where id = ?")
			.params(rank, now, application)
			.update();
	}

	/**
	 * To the end of the waiting list, with a new arrival number and the rank at the end.
	 */
	void requeue(UUID application, long arrival, long rank, Timestamp now) {
		jdbc.sql("update application set state = 'WAITING', arrival = ?, waiting_rank = ?, decided_at = ? where id = ?")
			.params(arrival, rank, now, application)
			.update();
	}

	/**
	 * Whether an application in this state arrived before {@code arrival}; stops at the
	 * first, however many there are.
	 */
	boolean anyBefore(ProgrammeId programme, RecruitmentRole role, ApplicationState state, long arrival) {
		return jdbc.sql("""
				select 1 from application where programme_id = ? and role = ? and state = ? and arrival < ?
				 fetch first 1 rows only""")
			.params(programme.value(), role.name(), state.name(), arrival)
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	/**
	 * The first {@code count} on the waiting list, in arrival order, with their ranks.
	 */
	List<InLine> firstWaiting(ProgrammeId programme, RecruitmentRole role, int count) {
		return jdbc.sql("""
				select id, account_id, waiting_rank from application
				 where programme_id = ? and role = ? and state = 'WAITING' order by arrival fetch first ? rows only""")
			.params(programme.value(), role.name(), count)
			.query((rs, n) -> new InLine(rs.getObject(1, UUID.class), new AccountId(rs.getObject(2, UUID.class)),
					rs.getLong(3)))
			.list();
	}

	/** Seated from the waiting list: the caller records the departure of its rank. */
	void seat(UUID application, Timestamp now) {
		jdbc.sql("update application set state = 'SEATED', decided_at = ?, waiting_rank = null where id = ?")
			.params(now, application)
			.update();
	}

	void addSeated(ProgrammeId programme, RecruitmentRole role, int seats) {
		jdbc.sql("update seat_pool set seated = seated + ? where programme_id = ? and role = ?")
			.params(seats, programme.value(), role.name())
			.update();
	}

}
