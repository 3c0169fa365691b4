package app.kindred.recruitment;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * Gives seats in arrival order without ever giving one twice.
 *
 * <p>
 * A sign-up commits its application as PENDING without touching any shared row, so
 * sign-ups run in parallel. The decision is taken by whoever holds the programme's
 * seat-pool row: one short transaction takes the row with {@code FOR UPDATE SKIP LOCKED},
 * numbers every pending application that has committed by then in submission order, seats
 * them while seats last and puts the rest on the waiting list. A rush therefore costs one
 * locked transaction per batch, not per person, and works the same with any number of
 * application instances on one database. Withdrawals wait for the same row, and so do
 * coordinators' decisions, so a withdrawal or decision racing a sign-up or another
 * withdrawal never loses or doubles a seat. When the call needs the coordinator's
 * approval, the batch is numbered all the same but put in AWAITING instead of being
 * seated.
 */
@Component
class SeatAllocator {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SeatAllocator(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/** Creates the pool on first use; losing that race to another request is harmless. */
	void ensurePool(UUID programme, RecruitmentRole role, int capacity) {
		if (poolExists(programme, role)) {
			return;
		}
		try {
			transactions.executeWithoutResult(s -> jdbc.sql(
					"insert into seat_pool (programme_id, role, capacity, seated, next_arrival) values (?, ?, ?, 0, 1)")
				.params(programme, role.name(), capacity)
				.update());
		}
		catch (DuplicateKeyException raced) {
			// another request created it first
		}
	}

	private boolean poolExists(UUID programme, RecruitmentRole role) {
		return jdbc.sql("select count(*) from seat_pool where programme_id = ? and role = ?")
			.params(programme, role.name())
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Decides every pending application; false when another allocator holds the pool
	 * right now.
	 */
	boolean allocate(UUID programme, RecruitmentRole role) {
		return Boolean.TRUE.equals(transactions.execute(status -> {
			var pool = jdbc.sql("""
					select capacity, seated, next_arrival from seat_pool
					 where programme_id = ? and role = ? for update skip locked""")
				.params(programme, role.name())
				.query((rs, n) -> new long[] { rs.getInt(1), rs.getInt(2), rs.getLong(3) })
				.optional();
			if (pool.isEmpty()) {
				return false;
			}
			long capacity = pool.get()[0], seated = pool.get()[1], nextArrival = pool.get()[2];
			var pending = jdbc.sql("""
					select id, account_id from application
					 where programme_id = ? and role = ? and state = 'PENDING' order by submitted""")
				.params(programme, role.name())
				.query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) })
				.list();
			if (pending.isEmpty()) {
				return true;
			}
			int waiting = waitingCount(programme, role);
			boolean approval = approvalRequired(programme, role);
			var now = Timestamp.from(clock.instant());
			var decided = new ArrayList<ApplicationDecided>();
			var updates = new ArrayList<Object[]>();
			for (var application : pending) {
				var state = approval ? ApplicationState.AWAITING
						: seated < capacity ? ApplicationState.SEATED : ApplicationState.WAITING;
				if (state == ApplicationState.SEATED) {
					seated++;
				}
				else if (state == ApplicationState.WAITING) {
					waiting++;
				}
				updates.add(new Object[] { state.name(), nextArrival++, now, application[0] });
				decided.add(new ApplicationDecided(application[0], new ProgrammeId(programme), role,
						new AccountId(application[1]), state, state == ApplicationState.WAITING ? waiting : 0));
			}
			batch.batchUpdate("update application set state = ?, arrival = ?, decided_at = ? where id = ?", updates);
			jdbc.sql("update seat_pool set seated = ?, next_arrival = ? where programme_id = ? and role = ?")
				.params(seated, nextArrival, programme, role.name())
				.update();
			decided.forEach(events::publishEvent);
			return true;
		}));
	}

	/**
	 * Decides applications left pending, such as one whose request gave up waiting or
	 * whose instance stopped between its commit and the decision. Several instances may
	 * sweep at once: the pool lock lets one decide, and the others skip.
	 */
	@Scheduled(fixedDelayString = "PT5S", initialDelayString = "PT5S")
	void sweepPending() {
		jdbc.sql("select distinct programme_id, role from application where state = 'PENDING'")
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), RecruitmentRole.valueOf(rs.getString(2)) })
			.list()
			.forEach(pool -> allocate((UUID) pool[0], (RecruitmentRole) pool[1]));
	}

	/**
	 * Withdraws an application; a freed seat goes at once to the first on the waiting
	 * list. Modules that placed the person (their group) follow the event.
	 */
	void withdraw(UUID application) {
		transactions.executeWithoutResult(status -> {
			var row = jdbc.sql("select programme_id, role, account_id from application where id = ?")
				.param(application)
				.query((rs,
						n) -> new Object[] { rs.getObject(1, UUID.class), RecruitmentRole.valueOf(rs.getString(2)),
								new AccountId(rs.getObject(3, UUID.class)) })
				.optional();
			if (row.isEmpty()) {
				return;
			}
			var programme = (UUID) row.get()[0];
			var role = (RecruitmentRole) row.get()[1];
			lockPool(programme, role);
			var state = ApplicationState.valueOf(jdbc.sql("select state from application where id = ?")
				.param(application)
				.query(String.class)
				.single());
			if (!state.live()) {
				return;
			}
			jdbc.sql("update application set state = 'WITHDRAWN', withdrawn_at = ? where id = ?")
				.params(Timestamp.from(clock.instant()), application)
				.update();
			if (state == ApplicationState.SEATED) {
				jdbc.sql("update seat_pool set seated = seated - 1 where programme_id = ? and role = ?")
					.params(programme, role.name())
					.update();
				fillFreeSeats(programme, role);
			}
			events.publishEvent(new ApplicationWithdrawn(application, new ProgrammeId(programme), role,
					(AccountId) row.get()[2], state));
		});
	}

	/**
	 * New seat numbers from the coordinator: more seats promote from the waiting list at
	 * once; fewer never unseat.
	 */
	void resize(UUID programme, RecruitmentRole role, int capacity) {
		transactions.executeWithoutResult(status -> {
			if (jdbc.sql("update seat_pool set capacity = ? where programme_id = ? and role = ?")
				.params(capacity, programme, role.name())
				.update() > 0) {
				lockPool(programme, role);
				fillFreeSeats(programme, role);
			}
		});
	}

	/**
	 * What a coordinator's decision did: the state before and after, and the place on the
	 * waiting list.
	 */
	record Decided(ApplicationState from, ApplicationState to, int position) {
	}

	/**
	 * Takes a coordinator's decision about one application under the pool's lock, so that
	 * it never races a sign-up, a withdrawal or another decision into a seat given twice.
	 * Runs inside the caller's transaction, which also records the audit entry: a refusal
	 * rolls both back.
	 */
	Decided decide(UUID programme, RecruitmentRole role, UUID application, Decision decision) {
		return transactions.execute(status -> {
			lockPool(programme, role);
			var row = jdbc.sql("select state, arrival from application where id = ?")
				.param(application)
				.query((rs, n) -> new Object[] { ApplicationState.valueOf(rs.getString(1)), rs.getLong(2) })
				.single();
			var from = (ApplicationState) row[0];
			long arrival = (long) row[1];
			var pool = jdbc.sql("select capacity, seated from seat_pool where programme_id = ? and role = ?")
				.params(programme, role.name())
				.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) })
				.single();
			int free = pool[0] - pool[1];
			var now = Timestamp.from(clock.instant());
			return switch (decision) {
				case ACCEPT -> accept(programme, role, application, from, arrival, free, now);
				case DECLINE -> decline(programme, role, application, from, now);
				case RETURN -> returnToWaiting(programme, role, application, from, free, now);
			};
		});
	}

	private Decided accept(UUID programme, RecruitmentRole role, UUID application, ApplicationState from, long arrival,
			int free, Timestamp now) {
		if (from == ApplicationState.AWAITING) {
			if (count(programme, role, ApplicationState.AWAITING, arrival) > 0) {
				throw new DecisionRefused(DecisionRefused.Reason.EARLIER_AWAITING);
			}
			// Free places and a waiting list never exist together (every freed place is
			// filled at once), so a free
			// place here is this person's; otherwise they wait in arrival order.
			if (free > 0) {
				seat(programme, role, application, now);
				return new Decided(from, ApplicationState.SEATED, 0);
			}
			setState(application, ApplicationState.WAITING, now);
			return new Decided(from, ApplicationState.WAITING,
					count(programme, role, ApplicationState.WAITING, arrival) + 1);
		}
		if (from == ApplicationState.WAITING) {
			if (free <= 0) {
				throw new DecisionRefused(DecisionRefused.Reason.NO_FREE_SEAT);
			}
			seat(programme, role, application, now);
			return new Decided(from, ApplicationState.SEATED, 0);
		}
		throw new DecisionRefused(DecisionRefused.Reason.STALE);
	}

	private Decided decline(UUID programme, RecruitmentRole role, UUID application, ApplicationState from,
			Timestamp now) {
		if (!from.live()) {
			throw new DecisionRefused(DecisionRefused.Reason.STALE);
		}
		setState(application, ApplicationState.DECLINED, now);
		if (from == ApplicationState.SEATED) {
			jdbc.sql("update seat_pool set seated = seated - 1 where programme_id = ? and role = ?")
				.params(programme, role.name())
				.update();
			fillFreeSeats(programme, role);
		}
		return new Decided(from, ApplicationState.DECLINED, 0);
	}

	/**
	 * To the end of the waiting list with a new arrival number, so the freed place goes
	 * to whoever was first in line. Refused where the person would not end up waiting:
	 * nobody else waits for their place, or a place is free.
	 */
	private Decided returnToWaiting(UUID programme, RecruitmentRole role, UUID application, ApplicationState from,
			int free, Timestamp now) {
		if (from != ApplicationState.SEATED && from != ApplicationState.AWAITING) {
			throw new DecisionRefused(DecisionRefused.Reason.STALE);
		}
		if (from == ApplicationState.SEATED && waitingCount(programme, role) == 0) {
			throw new DecisionRefused(DecisionRefused.Reason.NOBODY_ELSE_WAITING);
		}
		if (from == ApplicationState.AWAITING && free > 0) {
			throw new DecisionRefused(DecisionRefused.Reason.SEAT_FREE);
		}
		long last = jdbc.sql("select next_arrival from seat_pool where programme_id = ? and role = ?")
			.params(programme, role.name())
			.query(Long.class)
			.single();
		jdbc.sql(
				"update seat_pool set next_arrival = next_arrival + 1, seated = seated - ? where programme_id = ? and role = ?")
			.params(from == ApplicationState.SEATED ? 1 : 0, programme, role.name())
			.update();
		jdbc.sql("update application set state = 'WAITING', arrival = ?, decided_at = ? where id = ?")
			.params(last, now, application)
			.update();
		fillFreeSeats(programme, role);
		return new Decided(from, ApplicationState.WAITING, count(programme, role, ApplicationState.WAITING, last) + 1);
	}

	private void seat(UUID programme, RecruitmentRole role, UUID application, Timestamp now) {
		setState(application, ApplicationState.SEATED, now);
		jdbc.sql("update seat_pool set seated = seated + 1 where programme_id = ? and role = ?")
			.params(programme, role.name())
			.update();
	}

	private void setState(UUID application, ApplicationState state, Timestamp now) {
		jdbc.sql("update application set state = ?, decided_at = ? where id = ?")
			.params(state.name(), now, application)
			.update();
	}

	/** How many applications in this state arrived before {@code arrival}. */
	private int count(UUID programme, RecruitmentRole role, ApplicationState state, long arrival) {
		return jdbc
			.sql("select count(*) from application where programme_id = ? and role = ? and state = ? and arrival < ?")
			.params(programme, role.name(), state.name(), arrival)
			.query(Integer.class)
			.single();
	}

	/**
	 * A call configured to need the coordinator's approval; without a configured call,
	 * acceptance is automatic.
	 */
	private boolean approvalRequired(UUID programme, RecruitmentRole role) {
		return jdbc.sql("select approval_required from recruitment_call where programme_id = ? and role = ?")
			.params(programme, role.name())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	private void lockPool(UUID programme, RecruitmentRole role) {
		jdbc.sql("select seated from seat_pool where programme_id = ? and role = ? for update")
			.params(programme, role.name())
			.query(Integer.class)
			.single();
	}

	/**
	 * Within the pool's lock: seats the first on the waiting list while seats are free.
	 */
	private void fillFreeSeats(UUID programme, RecruitmentRole role) {
		var pool = jdbc.sql("select capacity, seated from seat_pool where programme_id = ? and role = ?")
			.params(programme, role.name())
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2) })
			.single();
		int free = pool[0] - pool[1];
		if (free <= 0) {
			return;
		}
		List<UUID[]> first = jdbc.sql("""
				select id, account_id from application
				 where programme_id = ? and role = ? and state = 'WAITING' order by arrival fetch first ? rows only""")
			.params(programme, role.name(), free)
			.query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) })
			.list();
		for (var application : first) {
			jdbc.sql("update application set state = 'SEATED', decided_at = ? where id = ?")
				.params(Timestamp.from(clock.instant()), application[0])
				.update();
			events.publishEvent(new ApplicantPromoted(application[0], new ProgrammeId(programme), role,
					new AccountId(application[1])));
		}
		jdbc.sql("update seat_pool set seated = seated + ? where programme_id = ? and role = ?")
			.params(first.size(), programme, role.name())
			.update();
	}

	private int waitingCount(UUID programme, RecruitmentRole role) {
		return jdbc.sql("select count(*) from application where programme_id = ? and role = ? and state = 'WAITING'")
			.params(programme, role.name())
			.query(Integer.class)
			.single();
	}

}
