package app.kindred.recruitment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import app.kindred.core.Refused;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.ApplicantPromoted;
import app.kindred.recruitment.ApplicationDecided;
import app.kindred.recruitment.ApplicationState;
import app.kindred.recruitment.ApplicationWithdrawn;
import app.kindred.recruitment.Decision;
import app.kindred.recruitment.RecruitmentRole;

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
 *
 * <p>
 * Everything that puts someone on the waiting list or takes them off it does so here,
 * under the same lock, and tells the {@link WaitingList}: so a place on the list is read
 * from ranks without counting everyone ahead, and stays exact and without gaps.
 */
@Component
public class SeatAllocator {

	private final SeatStore seats;

	private final WaitingList waitingList;

	private final CallStore calls;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** The pools this instance has seen to exist. */
	private final Set<SeatStore.PoolKey> existing = ConcurrentHashMap.newKeySet();

	SeatAllocator(SeatStore seats, WaitingList waitingList, CallStore calls, TransactionTemplate transactions,
			ApplicationEventPublisher events, Clock clock) {
		this.seats = seats;
		this.waitingList = waitingList;
		this.calls = calls;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates the pool on first use; losing that race to another request is harmless. A
	 * pool, once there, stays (its rows go only with the programme), so each instance
	 * asks only until it has seen it: not once per sign-up of a rush.
	 */
	public void ensurePool(ProgrammeId programme, RecruitmentRole role, int capacity) {
		var pool = new SeatStore.PoolKey(programme, role);
		if (existing.contains(pool)) {
			return;
		}
		if (!seats.poolExists(programme, role)) {
			try {
				transactions.executeWithoutResult(s -> seats.createPool(programme, role, capacity));
			}
			catch (DuplicateKeyException raced) {
				// another request created it first
			}
		}
		existing.add(pool);
	}

	/**
	 * Decides every pending application; false when another allocator holds the pool
	 * right now.
	 */
	public boolean allocate(ProgrammeId programme, RecruitmentRole role) {
		return Boolean.TRUE.equals(transactions.execute(status -> {
			var pool = seats.lockUnlessHeld(programme, role);
			if (pool.isEmpty()) {
				return false;
			}
			long capacity = pool.get().capacity(), seated = pool.get().seated(), nextArrival = pool.get().nextArrival();
			var pending = seats.pending(programme, role);
			if (pending.isEmpty()) {
				return true;
			}
			boolean approval = calls.approvalRequired(programme, role);
			var states = new ArrayList<ApplicationState>();
			for (int i = 0; i < pending.size(); i++) {
				var state = approval ? ApplicationState.AWAITING
						: seated < capacity ? ApplicationState.SEATED : ApplicationState.WAITING;
				if (state == ApplicationState.SEATED) {
					seated++;
				}
				states.add(state);
			}
			// Those who wait join the end of the list in arrival order: the k-th of them
			// is behind everyone already waiting and the k - 1 before them
			int entering = (int) states.stream().filter(s -> s == ApplicationState.WAITING).count();
			var line = entering == 0 ? null : waitingList.line(programme, role);
			int waiting = line == null ? 0 : line.waiting();
			long rank = line == null ? 0 : line.next();
			var now = Timestamp.from(clock.instant());
			var decided = new ArrayList<ApplicationDecided>();
			var numbered = new ArrayList<SeatStore.Numbered>();
			for (int i = 0; i < pending.size(); i++) {
				var application = pending.get(i);
				var state = states.get(i);
				boolean waits = state == ApplicationState.WAITING;
				numbered.add(new SeatStore.Numbered(application.application(), state, nextArrival++,
						waits ? Long.valueOf(rank++) : null));
				decided.add(new ApplicationDecided(application.application(), programme, role, application.account(),
						state, waits ? ++waiting : 0));
			}
			seats.number(numbered, now);
			seats.updatePool(programme, role, seated, nextArrival, line == null ? null : rank);
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
		seats.poolsWithPending().forEach(pool -> allocate(pool.programme(), pool.role()));
	}

	/**
	 * Withdraws an application; a freed seat goes at once to the first on the waiting
	 * list. Modules that placed the person (their group) follow the event, and the person
	 * is told by e-mail. Empty when there was nothing live to withdraw (withdrawn or
	 * declined already), and then nothing changes.
	 */
	public Optional<ApplicationWithdrawn> withdraw(UUID application) {
		return Optional.ofNullable(transactions.execute(status -> {
			var owner = seats.owner(application);
			if (owner.isEmpty()) {
				return null;
			}
			var programme = owner.get().programme();
			var role = owner.get().role();
			seats.lock(programme, role);
			var place = seats.place(application);
			var state = place.state();
			if (!state.live()) {
				return null;
			}
			seats.withdraw(application, Timestamp.from(clock.instant()));
			if (state == ApplicationState.WAITING) {
				waitingList.left(programme, role, List.of(place.waitingRank()));
			}
			boolean passedOn = false;
			if (state == ApplicationState.SEATED) {
				seats.release(programme, role);
				passedOn = fillFreeSeats(programme, role) > 0;
			}
			var withdrawn = new ApplicationWithdrawn(application, programme, role, owner.get().account(), state,
					passedOn);
			events.publishEvent(withdrawn);
			return withdrawn;
		}));
	}

	/**
	 * New seat numbers from the coordinator: more seats promote from the waiting list at
	 * once; fewer never unseat.
	 */
	void resize(ProgrammeId programme, RecruitmentRole role, int capacity) {
		transactions.executeWithoutResult(status -> {
			if (seats.resize(programme, role, capacity)) {
				seats.lock(programme, role);
				fillFreeSeats(programme, role);
			}
		});
	}

	/**
	 * What a coordinator's decision did: the state before and after, the place on the
	 * waiting list, and how many moved up from the waiting list into a place it freed.
	 */
	record Decided(ApplicationState from, ApplicationState to, int position, int promoted) {
	}

	/**
	 * Takes a coordinator's decision about one application under the pool's lock, so that
	 * it never races a sign-up, a withdrawal or another decision into a seat given twice.
	 * Runs inside the caller's transaction, which also records the audit entry: a refusal
	 * rolls both back.
	 */
	Decided decide(ProgrammeId programme, RecruitmentRole role, UUID application, Decision decision) {
		return transactions.execute(status -> {
			seats.lock(programme, role);
			var place = seats.place(application);
			int free = seats.seats(programme, role).free();
			var now = Timestamp.from(clock.instant());
			return switch (decision) {
				case ACCEPT -> accept(programme, role, application, place, free, now);
				case DECLINE -> decline(programme, role, application, place, now);
				case RETURN -> returnToWaiting(programme, role, application, place.state(), free, now);
			};
		});
	}

	private Decided accept(ProgrammeId programme, RecruitmentRole role, UUID application, SeatStore.Place place,
			int free, Timestamp now) {
		var from = place.state();
		if (from == ApplicationState.AWAITING) {
			if (seats.anyBefore(programme, role, ApplicationState.AWAITING, place.arrival())) {
				throw refused("EARLIER_AWAITING");
			}
			// Free places and a waiting list never exist together (every freed place is
			// filled at once), so a free
			// place here is this person's; otherwise they wait in arrival order.
			if (free > 0) {
				seat(programme, role, application, now);
				return new Decided(from, ApplicationState.SEATED, 0, 0);
			}
			// By arrival, as ever: later arrivals may wait already (approval was switched
			// off meanwhile, or they were returned to the list)
			long rank = waitingList.insert(programme, role, place.arrival());
			seats.toWaiting(application, rank, now);
			return new Decided(from, ApplicationState.WAITING, waitingList.position(programme, role, rank), 0);
		}
		if (from == ApplicationState.WAITING) {
			if (free <= 0) {
				throw refused("NO_FREE_SEAT");
			}
			seat(programme, role, application, now);
			waitingList.left(programme, role, List.of(place.waitingRank()));
			return new Decided(from, ApplicationState.SEATED, 0, 0);
		}
		throw refused("STALE");
	}

	private Decided decline(ProgrammeId programme, RecruitmentRole role, UUID application, SeatStore.Place place,
			Timestamp now) {
		var from = place.state();
		if (!from.live()) {
			throw refused("STALE");
		}
		seats.setState(application, ApplicationState.DECLINED, now);
		if (from == ApplicationState.WAITING) {
			waitingList.left(programme, role, List.of(place.waitingRank()));
		}
		int promoted = 0;
		if (from == ApplicationState.SEATED) {
			seats.release(programme, role);
			promoted = fillFreeSeats(programme, role);
		}
		return new Decided(from, ApplicationState.DECLINED, 0, promoted);
	}

	/**
	 * To the end of the waiting list with a new arrival number, so the freed place goes
	 * to whoever was first in line. Refused where the person would not end up waiting:
	 * nobody else waits for their place, or a place is free. Someone already waiting is
	 * not returned (STALE), so this is only ever an entry to the list, never an exit.
	 */
	private Decided returnToWaiting(ProgrammeId programme, RecruitmentRole role, UUID application,
			ApplicationState from, int free, Timestamp now) {
		if (from != ApplicationState.SEATED && from != ApplicationState.AWAITING) {
			throw refused("STALE");
		}
		if (from == ApplicationState.SEATED && waitingList.count(programme, role) == 0) {
			throw refused("NOBODY_ELSE_WAITING");
		}
		if (from == ApplicationState.AWAITING && free > 0) {
			throw refused("SEAT_FREE");
		}
		long last = seats.nextArrival(programme, role);
		seats.takeArrival(programme, role, from == ApplicationState.SEATED ? 1 : 0);
		long rank = waitingList.append(programme, role, 1);
		seats.requeue(application, last, rank, now);
		int promoted = fillFreeSeats(programme, role);
		return new Decided(from, ApplicationState.WAITING, waitingList.position(programme, role, rank), promoted);
	}

	/**
	 * A hand-made decision that cannot be taken as things stand now, answered 409;
	 * nothing was changed. STALE: the application is no longer in a state the decision
	 * applies to, such as one withdrawn meanwhile. EARLIER_AWAITING: approval follows
	 * arrival order, and someone who arrived earlier still awaits a decision.
	 * NO_FREE_SEAT: seats must be added first. NOBODY_ELSE_WAITING: the freed place would
	 * go straight back to the same person. SEAT_FREE: the person would not wait, so
	 * accept instead.
	 */
	private static Refused refused(String reason) {
		return Refused.conflict("applications.refused." + reason);
	}

	private void seat(ProgrammeId programme, RecruitmentRole role, UUID application, Timestamp now) {
		seats.setState(application, ApplicationState.SEATED, now);
		seats.take(programme, role);
	}

	/**
	 * How many would move up from the waiting list if a place of this application were
	 * freed now (none unless it has one), as {@link #fillFreeSeats} would seat them after
	 * the release: for a coordinator to confirm a decline. Reads without the lock.
	 */
	int promotedIfFreed(ProgrammeId programme, RecruitmentRole role, ApplicationState state) {
		if (state != ApplicationState.SEATED) {
			return 0;
		}
		// A seated person over a reduced capacity frees no place
		int free = seats.seats(programme, role).free() + 1;
		return free <= 0 ? 0 : Math.min(free, waitingList.count(programme, role));
	}

	/**
	 * Within the pool's lock: seats the first on the waiting list while seats are free.
	 * Answers how many moved up.
	 */
	private int fillFreeSeats(ProgrammeId programme, RecruitmentRole role) {
		int free = seats.seats(programme, role).free();
		if (free <= 0) {
			return 0;
		}
		var first = seats.firstWaiting(programme, role, free);
		for (var application : first) {
			seats.seat(application.application(), Timestamp.from(clock.instant()));
			events
				.publishEvent(new ApplicantPromoted(application.application(), programme, role, application.account()));
		}
		waitingList.left(programme, role, first.stream().map(SeatStore.InLine::rank).toList());
		seats.addSeated(programme, role, first.size());
		return first.size();
	}

}
