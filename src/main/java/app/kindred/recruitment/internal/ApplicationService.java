package app.kindred.recruitment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountSummary;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;
import app.kindred.programme.ProgrammeWindow;
import app.kindred.recruitment.ApplicationState;
import app.kindred.recruitment.CoordinatorDecided;
import app.kindred.recruitment.Decision;
import app.kindred.recruitment.RecruitmentRole;

/**
 * The coordinator's view of who applied: answers are personal data, so only the
 * programme's coordinators see them.
 */
@Service
public class ApplicationService {

	/**
	 * One hand-made change, for the audit trail: who did what to whose application (their
	 * name and address, as namesakes differ in it), when and why.
	 */
	public record AuditEntry(String actor, String action, String subject, String subjectEmail, String reason,
			Instant at) {
	}

	/** The longest reason the audit trail keeps. */
	public static final int REASON_LENGTH = 500;

	private final ApplicationStore store;

	private final Accounts accounts;

	private final ProgrammeService programmes;

	private final ProgrammeAccess access;

	private final SeatAllocator allocator;

	private final SeatStore seats;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ApplicationService(ApplicationStore store, Accounts accounts, ProgrammeService programmes, ProgrammeAccess access,
			SeatAllocator allocator, SeatStore seats, ApplicationEventPublisher events, Clock clock) {
		this.seats = seats;
		this.store = store;
		this.accounts = accounts;
		this.programmes = programmes;
		this.access = access;
		this.allocator = allocator;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A coordinator's decision about one application of this programme, with a reason
	 * kept in the audit trail, and the person told by e-mail. Another programme's
	 * application id answers 404; a decision that does not fit the application as it is
	 * now is refused ({@code Refused}, "applications.refused.*"), and nothing changes.
	 */
	/**
	 * What a decision did: the event the person is told from, where the application stood
	 * before, and how many moved up from the waiting list into the place it freed (each
	 * told too).
	 */
	public record Outcome(CoordinatorDecided decided, ApplicationState from, int promoted) {
	}

	@Transactional
	public Outcome decide(ProgrammeId id, UUID application, Decision decision, String reason, AccountId coordinator) {
		if (reason == null || reason.isBlank() || reason.strip().length() > REASON_LENGTH) {
			throw new IllegalArgumentException("a reason of 1 to " + REASON_LENGTH + " characters is required");
		}
		access.coordinated(id, coordinator);
		var owner = store.owner(id, application).orElseThrow(() -> new NotFoundException("application"));
		var decided = allocator.decide(id, owner.role(), application, decision);
		store.audit(application, coordinator, decision, reason.strip(), clock.instant());
		var event = new CoordinatorDecided(application, id, owner.role(), owner.account(), decision, decided.to(),
				decided.position());
		events.publishEvent(event);
		return new Outcome(event, decided.from(), decided.promoted());
	}

	/**
	 * What declining this application would do, for the coordinator to confirm: whose it
	 * is, where it stands, and how many people would be told by e-mail (the person, and
	 * whoever moves up from the waiting list into their place). Another programme's
	 * application answers 404, one no longer live is refused as STALE.
	 */
	public record Declining(ProgrammeView programme, UUID application, RecruitmentRole role, String name, String email,
			ApplicationState state, int promoted) {

		/** Whether the place goes on to the first on the waiting list. */
		public boolean placePassesOn() {
			return promoted > 0;
		}

		/** Everyone the decline tells by e-mail. */
		public int told() {
			return 1 + promoted;
		}

	}

	@Transactional(readOnly = true)
	public Declining declining(ProgrammeId id, UUID application, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		var owner = store.owner(id, application).orElseThrow(() -> new NotFoundException("application"));
		var state = seats.state(application);
		if (!state.live()) {
			throw Refused.conflict("applications.refused.STALE");
		}
		var person = accounts.find(owner.account());
		return new Declining(programme, application, owner.role(), person.map(AccountSummary::displayName).orElse(""),
				person.map(AccountSummary::email).orElse(""), state,
				allocator.promotedIfFreed(id, owner.role(), state));
	}

	/**
	 * Moves the close of this role's window later, to a time given in the organisation's
	 * time zone; the programme refuses a time in the past or not later than the current
	 * close.
	 */
	@Transactional
	public void extendWindow(ProgrammeId id, RecruitmentRole role, LocalDateTime closes, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		programmes.extendWindow(id,
				role == RecruitmentRole.MENTOR ? ProgrammeWindow.MENTOR_CALL : ProgrammeWindow.SIGNUP,
				closes.atZone(programme.zone()).toInstant(), coordinator);
	}

	/** The hand-made changes to this programme's applications, newest first. */
	private List<AuditEntry> audit(ProgrammeId id) {
		var rows = store.audit(id);
		var people = accounts.findAll(rows.stream().flatMap(r -> Stream.of(r.actor(), r.subject())).toList());
		return rows.stream()
			.map(r -> new AuditEntry(name(people, r.actor()), r.action(), name(people, r.subject()),
					people.containsKey(r.subject()) ? people.get(r.subject()).email() : "", r.reason(), r.at()))
			.toList();
	}

	private static String name(Map<AccountId, ? extends AccountSummary> people, AccountId id) {
		return people.containsKey(id) ? people.get(id).displayName() : "";
	}

	/** Everything the coordinator's page shows, behind one access check. */
	public record Overview(ProgrammeView programme, Map<RecruitmentRole, Map<ApplicationState, Integer>> counts,
			List<Applicant> applicants, List<AuditEntry> audit) {
	}

	@Transactional(readOnly = true)
	public Overview overview(ProgrammeId id, RecruitmentRole role, ApplicationState state, AccountId viewer) {
		var programme = access.coordinated(id, viewer);
		return new Overview(programme, counts(id), applicants(id, role, state), audit(id));
	}

	/** Applications for one role in arrival order, optionally of one state. */
	@Transactional(readOnly = true)
	public List<Applicant> list(ProgrammeId id, RecruitmentRole role, ApplicationState state, AccountId viewer) {
		access.coordinated(id, viewer);
		return applicants(id, role, state);
	}

	private List<Applicant> applicants(ProgrammeId id, RecruitmentRole role, ApplicationState state) {
		var rows = store.applications(id, role);
		var people = accounts.findAll(rows.stream().map(ApplicationStore.Row::account).toList());
		var result = new ArrayList<Applicant>();
		int waiting = 0;
		for (var r : rows) {
			var position = r.state() == ApplicationState.WAITING ? ++waiting : 0;
			if (state != null && r.state() != state) {
				continue;
			}
			var person = people.get(r.account());
			result.add(new Applicant(r.id(), role, r.state(), r.arrival(), position,
					person == null ? "" : person.displayName(), person == null ? "" : person.email(), r.languages(),
					r.delivery(), r.department(), r.motivation(), r.experience(), r.createdAt(), r.details(),
					r.account()));
		}
		return result;
	}

	/** How many applications are in each state, per role. */
	private Map<RecruitmentRole, Map<ApplicationState, Integer>> counts(ProgrammeId id) {
		var counts = new EnumMap<RecruitmentRole, Map<ApplicationState, Integer>>(RecruitmentRole.class);
		for (var role : RecruitmentRole.values()) {
			var perState = new EnumMap<ApplicationState, Integer>(ApplicationState.class);
			for (var state : ApplicationState.values()) {
				perState.put(state, 0);
			}
			counts.put(role, perState);
		}
		store.counts(id).forEach(c -> counts.get(c.role()).put(c.state(), c.count()));
		return counts;
	}

}
