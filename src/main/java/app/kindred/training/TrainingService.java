package app.kindred.training;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountSummary;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.training.internal.Mentors;
import app.kindred.training.internal.TrainingStore;

/**
 * Trainings and supervision for a programme's accepted mentors, as coordinators run them:
 * they schedule sessions, record who came, and decide on readiness where the rule does
 * not fit, with a reason. Other modules ask it who is ready to lead and which sessions
 * are coming.
 */
@Service
public class TrainingService {

	private final TrainingStore store;

	private final Mentors mentors;

	private final ProgrammeAccess access;

	private final ProgrammeService programmes;

	private final RecruitmentService recruitment;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	TrainingService(TrainingStore store, Mentors mentors, ProgrammeAccess access, ProgrammeService programmes,
			RecruitmentService recruitment, Accounts accounts, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.mentors = mentors;
		this.access = access;
		this.programmes = programmes;
		this.recruitment = recruitment;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<MentorSession> sessions(ProgrammeId id, AccountId coordinator) {
		access.coordinated(id, coordinator);
		return store.sessions(id);
	}

	/**
	 * How many people scheduling a session (or cancelling one not cancelled yet) tells,
	 * for the coordinator to confirm: every accepted mentor, as {@link #schedule} tells
	 * them. Nothing changes.
	 */
	@Transactional(readOnly = true)
	public int toBeToldOfSession(ProgrammeId id, AccountId coordinator) {
		return told(access.coordinated(id, coordinator).id()).size();
	}

	/**
	 * How many people cancelling this session tells, for the coordinator to confirm: 0
	 * when it is cancelled already. Nothing changes.
	 */
	@Transactional(readOnly = true)
	public int toBeToldOfCancel(ProgrammeId id, UUID session, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		return session(id, session).cancelled() ? 0 : told(programme.id()).size();
	}

	/**
	 * Schedules a session and tells every accepted mentor, each by their own mail with a
	 * calendar invitation.
	 */
	@Transactional
	public MentorSession schedule(ProgrammeId id, SessionKind kind, Instant startsAt, int minutes, String place,
			String videoLink, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		var session = new MentorSession(UUID.randomUUID(), id, kind, startsAt, minutes, blankToNull(place),
				blankToNull(videoLink), false);
		store.insert(session, clock.instant());
		tellMentors(programme, session);
		return session;
	}

	/**
	 * Cancels a session; mentors are told. Cancelling twice changes nothing and tells
	 * nobody again.
	 */
	@Transactional
	public void cancel(ProgrammeId id, UUID session, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		var current = session(id, session);
		if (current.cancelled()) {
			return;
		}
		store.cancel(session, clock.instant());
		tellMentors(programme, new MentorSession(current.id(), id, current.kind(), current.startsAt(),
				current.minutes(), current.place(), current.videoLink(), true));
	}

	/** One session with its mentors: who said they cannot come, and who came. */
	public record Roll(MentorSession session, List<Mentor> mentors) {
	}

	public record Mentor(AccountId id, String name, String email, boolean saidCannotCome, boolean attended) {
	}

	@Transactional(readOnly = true)
	public Roll roll(ProgrammeId id, UUID session, AccountId coordinator) {
		access.coordinated(id, coordinator);
		var current = session(id, session);
		var absent = store.absent(session);
		var attended = store.attended(session);
		var accepted = mentors.of(id);
		var people = accounts.findAll(accepted);
		return new Roll(current,
				accepted.stream()
					.filter(people::containsKey)
					.map(m -> new Mentor(m, people.get(m).displayName(), people.get(m).email(), absent.contains(m),
							attended.contains(m)))
					.toList());
	}

	/**
	 * Records who came, replacing what was recorded before for this session. Only
	 * accepted mentors can be marked; anyone else in the list is refused and nothing
	 * changes.
	 */
	@Transactional
	public void recordAttendance(ProgrammeId id, UUID session, Set<AccountId> came, AccountId coordinator) {
		access.coordinated(id, coordinator);
		var current = session(id, session);
		if (current.cancelled()) {
			throw Refused.conflict("training.refused.CANCELLED");
		}
		if (!new HashSet<>(mentors.of(id)).containsAll(came)) {
			throw new NotFoundException("mentor");
		}
		store.replaceAttendance(session, came, coordinator, clock.instant());
	}

	/** The readiness of every accepted mentor. */
	@Transactional(readOnly = true)
	public List<Readiness> readiness(ProgrammeId id, AccountId coordinator) {
		return mentors.readiness(access.coordinated(id, coordinator));
	}

	/** The mentors who may be placed in a group, for the grouping module. */
	@Transactional(readOnly = true)
	public Set<AccountId> readyMentors(ProgrammeId id) {
		var programme = programmes.find(id).orElseThrow(() -> new NotFoundException("programme"));
		var ready = new HashSet<AccountId>();
		mentors.readiness(programme).stream().filter(Readiness::ready).forEach(r -> ready.add(r.mentor()));
		return ready;
	}

	/**
	 * The readiness of every accepted mentor, for modules that decide on their own who
	 * may ask (the certificates).
	 */
	@Transactional(readOnly = true)
	public List<Readiness> readinessOf(ProgrammeId id) {
		return mentors.readiness(programmes.find(id).orElseThrow(() -> new NotFoundException("programme")));
	}

	/** The number of trainings the rule asks for. */
	@Transactional(readOnly = true)
	public int requiredTrainings(ProgrammeId id, AccountId coordinator) {
		return mentors.requiredTrainings(access.coordinated(id, coordinator));
	}

	@Transactional
	public void changeRequiredTrainings(ProgrammeId id, int minimum, AccountId coordinator) {
		access.coordinated(id, coordinator);
		store.changeRequiredTrainings(id, minimum);
	}

	/**
	 * Overrides the rule for one accepted mentor with a reason; {@code ready} null goes
	 * back to the rule.
	 */
	@Transactional
	public void override(ProgrammeId id, AccountId mentor, Boolean ready, String reason, AccountId coordinator) {
		access.coordinated(id, coordinator);
		mentors.require(id, mentor);
		store.override(id, mentor, ready, ready == null ? null : reason.strip(), coordinator, clock.instant());
	}

	/**
	 * The sessions of the programme the mentor was recorded as having come to, by start:
	 * held ones only (started, not cancelled since), for the credit course's workload.
	 */
	@Transactional(readOnly = true)
	public List<MentorSession> attendedBy(ProgrammeId id, AccountId mentor) {
		var attended = store.attendanceOf(mentor);
		var now = clock.instant();
		return store.sessions(id)
			.stream()
			.filter(s -> attended.contains(s.id()) && !s.cancelled() && !s.startsAt().isAfter(now))
			.toList();
	}

	/**
	 * As {@link #attendedBy} for everyone recorded at any session of the programme, in
	 * two queries: the certificates page lists every mentor.
	 */
	@Transactional(readOnly = true)
	public Map<AccountId, List<MentorSession>> attendedByEach(ProgrammeId id) {
		var now = clock.instant();
		var held = store.sessions(id).stream().filter(s -> !s.cancelled() && !s.startsAt().isAfter(now)).toList();
		var attended = new HashMap<AccountId, List<MentorSession>>();
		store.attendanceIn(id)
			.forEach((mentor, sessions) -> attended.put(mentor,
					held.stream().filter(s -> sessions.contains(s.id())).toList()));
		return attended;
	}

	/**
	 * Every session of every programme in which the person is an accepted mentor, for
	 * their calendar feed.
	 */
	@Transactional(readOnly = true)
	public List<MentorSession> sessionsOf(AccountId mentor) {
		return recruitment.acceptedIn(mentor, RecruitmentRole.MENTOR)
			.stream()
			.flatMap(p -> store.sessions(p).stream())
			.toList();
	}

	/**
	 * A session and the accepted mentors expected at it (those who said they cannot come
	 * left out).
	 */
	public record Expected(MentorSession session, List<AccountId> mentors) {
	}

	/**
	 * Sessions not cancelled that start after {@code after} and no later than
	 * {@code until}, for reminders.
	 */
	@Transactional(readOnly = true)
	public List<Expected> starting(Instant after, Instant until) {
		// Sessions of one programme share its mentors: asked once per programme each
		// sweep
		var accepted = new HashMap<ProgrammeId, List<AccountId>>();
		return store.starting(after, until).stream().map(s -> {
			var absent = store.absent(s.id());
			return new Expected(s,
					accepted.computeIfAbsent(s.programme(), mentors::of)
						.stream()
						.filter(m -> !absent.contains(m))
						.toList());
		}).toList();
	}

	private MentorSession session(ProgrammeId id, UUID session) {
		return store.session(id, session).orElseThrow(() -> new NotFoundException("session"));
	}

	/**
	 * Everyone a session or its cancellation tells, one mail each: what the confirmations
	 * count, and whom {@link #tellMentors} tells.
	 */
	private Collection<AccountSummary> told(ProgrammeId id) {
		return accounts.findAll(mentors.of(id)).values();
	}

	private void tellMentors(ProgrammeView programme, MentorSession session) {
		told(programme.id()).forEach(p -> events.publishEvent(new MentorInvited(session, p.id(),
				programme.text(p.language() == null ? Language.EN : p.language()).name())));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
