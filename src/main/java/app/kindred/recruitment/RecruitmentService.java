package app.kindred.recruitment;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeSettings;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.internal.ApplicationStore;
import app.kindred.recruitment.internal.SeatAllocator;

/**
 * Signing up as mentor or participant, first come first served, and stepping back. One
 * live application per person and programme, in one role: asking again shows the one
 * there is, and asking for the other role is refused. Someone who withdrew may sign up
 * again while the window is open, as a new arrival.
 */
@Service
public class RecruitmentService {

	/**
	 * How long a sign-up waits for its decision before it answers "pending"; allocation
	 * takes milliseconds.
	 */
	private static final Duration DECISION_WAIT = Duration.ofSeconds(10);

	/**
	 * Why a sign-up or a change of answers is refused (409, nothing stored): outside its
	 * window, by someone the programme's rule leaves out, or to an application no longer
	 * live.
	 */
	private static final String NOT_OPEN_YET = "signUp.refused.NOT_OPEN_YET", CLOSED = "signUp.refused.CLOSED",
			NOT_ELIGIBLE = "signUp.refused.NOT_ELIGIBLE", NOT_LIVE = "signUp.refused.NOT_LIVE";

	/**
	 * Why a sign-up is refused to someone with a live application in the other role
	 * (followed by that role): a person takes part in a programme in one role.
	 */
	private static final String IN_OTHER_ROLE = "signUp.refused.IN_OTHER_ROLE.";

	private final ApplicationStore store;

	private final TransactionTemplate transactions;

	private final SeatAllocator allocator;

	private final ProgrammeService programmes;

	private final Accounts accounts;

	private final Clock clock;

	// Looked up when needed: the module that forms groups depends on this one
	private final ObjectProvider<GroupsFormed> groupsFormed;

	RecruitmentService(ApplicationStore store, TransactionTemplate transactions, SeatAllocator allocator,
			ProgrammeService programmes, Accounts accounts, Clock clock, ObjectProvider<GroupsFormed> groupsFormed) {
		this.store = store;
		this.transactions = transactions;
		this.allocator = allocator;
		this.programmes = programmes;
		this.accounts = accounts;
		this.clock = clock;
		this.groupsFormed = groupsFormed;
	}

	/** The published programme, and whether its window for this role is open now. */
	public ProgrammeView programme(ProgrammeId id) {
		return programmes.publicView(id);
	}

	/**
	 * Why this person may not sign up now, if they may not; without an account, only the
	 * window counts.
	 */
	public Optional<Refused> refusal(ProgrammeView programme, RecruitmentRole role, AccountId account) {
		return refusalKey(programme, role, account).map(Refused::conflict);
	}

	private Optional<String> refusalKey(ProgrammeView programme, RecruitmentRole role, AccountId account) {
		var s = programme.settings();
		var now = clock.instant();
		if (!s.opened(role.window(), now)) {
			return Optional.of(NOT_OPEN_YET);
		}
		if (s.closed(role.window(), now)) {
			return Optional.of(CLOSED);
		}
		if (account != null && s.eligibilityKind() == EligibilityKind.EMAIL_DOMAIN
				&& !inDomain(account, s.eligibilityValue())) {
			return Optional.of(NOT_ELIGIBLE);
		}
		return Optional.empty();
	}

	/**
	 * The role in which the person has a live application in this programme (pending,
	 * awaiting approval, seated or waiting), if any.
	 */
	public Optional<RecruitmentRole> liveRole(ProgrammeId programme, AccountId account) {
		return store.liveRoles(programme, account).stream().findFirst();
	}

	/**
	 * Why this person may not sign up for this role now, if they may not: besides the
	 * window and the rule ({@link #refusal}), a live application in the other role.
	 */
	public Optional<Refused> signUpRefusal(ProgrammeView programme, RecruitmentRole role, AccountId account) {
		return signUpRefusal(programme, role, account,
				account == null ? Optional.empty() : liveRole(programme.id(), account).filter(r -> r != role));
	}

	/**
	 * As {@link #signUpRefusal(ProgrammeView, RecruitmentRole, AccountId)}, for a caller
	 * that has read the person's live role in the other role already ({@link #liveRole}).
	 */
	public Optional<Refused> signUpRefusal(ProgrammeView programme, RecruitmentRole role, AccountId account,
			Optional<RecruitmentRole> liveInOtherRole) {
		if (liveInOtherRole.isPresent()) {
			return Optional.of(Refused.conflict(IN_OTHER_ROLE + liveInOtherRole.get()));
		}
		return refusal(programme, role, account);
	}

	/**
	 * Signs up and waits for the allocator's decision: seated, or waiting at a position.
	 * A second attempt, such as a double click or a retried POST, returns the first
	 * application; after a withdrawal the person arrives anew, at the end of the line.
	 * Someone with a live application in the other role is refused, even when both
	 * sign-ups arrive at once: the database keeps one live application per person and
	 * programme ({@code application_live_once}).
	 */
	public ApplicationStatus signUp(ProgrammeView programme, RecruitmentRole role, AccountId account,
			SignUpAnswers answers) {
		var programmeId = programme.id();
		signUpRefusal(programme, role, account).ifPresent(refused -> {
			throw refused;
		});
		if (programme.settings().eligibilityKind() == EligibilityKind.SELF_DECLARED && !answers.declaredEligible()) {
			throw Refused.conflict(NOT_ELIGIBLE);
		}
		var existing = find(programmeId, role, account);
		if (existing.isPresent() && existing.get().state() != ApplicationState.WITHDRAWN) {
			return existing.get();
		}
		allocator.ensurePool(programmeId, role, seats(programme.settings(), role));
		var id = UUID.randomUUID();
		try {
			transactions.executeWithoutResult(
					s -> store.insertPending(id, programmeId, role, account, answers, clock.instant()));
		}
		catch (DuplicateKeyException alreadyThere) {
			// Another request of the same person committed first: the same role's is
			// this one's double, the other role's wins
			return find(programmeId, role, account).filter(a -> a.state().live())
				.orElseThrow(() -> signUpRefusal(programme, role, account)
					.orElseGet(() -> Refused.conflict(IN_OTHER_ROLE + other(role))));
		}
		return awaitDecision(programmeId, role, id);
	}

	private static RecruitmentRole other(RecruitmentRole role) {
		return role == RecruitmentRole.MENTOR ? RecruitmentRole.PARTICIPANT : RecruitmentRole.MENTOR;
	}

	public Optional<ApplicationStatus> find(ProgrammeId programme, RecruitmentRole role, AccountId account) {
		return store.latestStatus(programme, role, account);
	}

	/**
	 * Everyone with a place in this role, in arrival order: for the modules that train
	 * and group them.
	 */
	public List<AccountId> accepted(ProgrammeId programme, RecruitmentRole role) {
		return store.accepted(programme, role);
	}

	/**
	 * Everyone on the waiting list in this role, in arrival order: for the modules that
	 * write to them (announcements).
	 */
	public List<AccountId> waiting(ProgrammeId programme, RecruitmentRole role) {
		return store.waiting(programme, role);
	}

	/**
	 * Every programme the person has applied to, in any state: whose coordinators see
	 * their request to be erased.
	 */
	public List<ProgrammeId> appliedTo(AccountId account) {
		return store.appliedTo(account);
	}

	/**
	 * The programmes in which the person has a place in this role, for their calendar.
	 */
	public List<ProgrammeId> acceptedIn(AccountId account, RecruitmentRole role) {
		return store.acceptedIn(account, role);
	}

	/**
	 * Someone with a place, in arrival order, with their answers: what group formation
	 * works from.
	 */
	public record Accepted(AccountId account, long arrival, SignUpAnswers answers) {
	}

	public List<Accepted> acceptedWithAnswers(ProgrammeId programme, RecruitmentRole role) {
		return store.acceptedWithAnswers(programme, role);
	}

	/** The answers of the person's own application, as they gave them last. */
	public Optional<SignUpAnswers> answers(ProgrammeId programme, RecruitmentRole role, AccountId account) {
		return store.answers(programme, role, account);
	}

	/**
	 * Changes the answers of the person's own application while its window is open; where
	 * they are in line does not change. Closed windows, withdrawn applications and people
	 * without one are refused, and nothing changes.
	 */
	public void changeAnswers(ProgrammeView programme, RecruitmentRole role, AccountId account, SignUpAnswers changed) {
		var late = lateChange(programme, role, account);
		var answers = late ? answers(programme.id(), role, account).orElseThrow().withLogisticsOf(changed) : changed;
		if (!late) {
			refusal(programme, role, account).ifPresent(refused -> {
				throw refused;
			});
		}
		var mine = find(programme.id(), role, account).orElseThrow(() -> new NotFoundException("application"));
		if (!mine.state().live()) {
			throw Refused.conflict(NOT_LIVE);
		}
		transactions.executeWithoutResult(s -> store.updateAnswers(mine.id(), answers, clock.instant()));
	}

	/**
	 * Whether this is a mentor with a place whose call has closed but whose groups are
	 * not formed yet: they may still change their languages, place, weekly times and
	 * wished co-mentor ({@link SignUpAnswers#withLogisticsOf}).
	 */
	public boolean lateChange(ProgrammeView programme, RecruitmentRole role, AccountId account) {
		return role == RecruitmentRole.MENTOR && refusalKey(programme, role, account).filter(CLOSED::equals).isPresent()
				&& find(programme.id(), role, account).filter(a -> a.state() == ApplicationState.SEATED).isPresent()
				&& groupsFormed.stream().noneMatch(g -> g.formed(programme.id()));
	}

	/**
	 * Withdraws the person's own application; a freed seat goes to the first on the
	 * waiting list at once, and the person is told by e-mail. Answers what happened, or
	 * empty when the application was no longer live and nothing changed. Someone without
	 * an application gets a 404.
	 */
	public Optional<ApplicationWithdrawn> withdraw(ProgrammeId programme, RecruitmentRole role, AccountId account) {
		return allocator
			.withdraw(find(programme, role, account).orElseThrow(() -> new NotFoundException("application")).id());
	}

	private ApplicationStatus awaitDecision(ProgrammeId programme, RecruitmentRole role, UUID id) {
		var deadline = clock.instant().plus(DECISION_WAIT);
		long pause = 200_000;
		while (true) {
			allocator.allocate(programme, role);
			var status = store.status(id);
			if (status.state() != ApplicationState.PENDING || clock.instant().isAfter(deadline)) {
				return status;
			}
			// Another request holds the pool and will decide this one too, or has just
			// missed it: look again soon.
			LockSupport.parkNanos(pause);
			pause = Math.min(pause * 2, 20_000_000);
		}
	}

	private boolean inDomain(AccountId account, String domain) {
		var wanted = domain.strip().toLowerCase(Locale.ROOT).replaceFirst("^@", "");
		return accounts.find(account)
			.map(a -> a.email().toLowerCase(Locale.ROOT))
			.filter(e -> e.endsWith("@" + wanted) || e.endsWith("." + wanted))
			.isPresent();
	}

	private static int seats(ProgrammeSettings settings, RecruitmentRole role) {
		return role == RecruitmentRole.MENTOR ? settings.mentorSeats() : settings.participantSeats();
	}

}
