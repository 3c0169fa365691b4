package app.kindred.training;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.Applications;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.RecruitmentRole;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Trainings and supervision for a programme's accepted mentors. Coordinators schedule
 * sessions and record who came; mentors see their sessions and say in advance when they
 * cannot come. Readiness follows from attendance unless a coordinator decides otherwise,
 * with a reason.
 */
@Service
public class Training {

	private final JdbcClient jdbc;

	private final Applications applications;

	private final RecruitmentService recruitment;

	private final ProgrammeService programmes;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Training(JdbcClient jdbc, Applications applications, RecruitmentService recruitment, ProgrammeService programmes,
			Accounts accounts, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.applications = applications;
		this.recruitment = recruitment;
		this.programmes = programmes;
		this.accounts = accounts;
		this.events = events;
		this.clock = clock;
	}

	/** The programme for its coordinator: 404 for outsiders, 403 for other staff. */
	@Transactional(readOnly = true)
	public ProgrammeView coordinated(ProgrammeId id, AccountId coordinator) {
		return applications.coordinated(id, coordinator);
	}

	@Transactional(readOnly = true)
	public List<MentorSession> sessions(ProgrammeId id, AccountId coordinator) {
		coordinated(id, coordinator);
		return sessions(id);
	}

	/**
	 * Schedules a session and tells every accepted mentor, each by their own mail with a
	 * calendar invitation.
	 */
	@Transactional
	public MentorSession schedule(ProgrammeId id, SessionKind kind, Instant startsAt, int minutes, String place,
			String videoLink, AccountId coordinator) {
		var programme = coordinated(id, coordinator);
		var session = new MentorSession(UUID.randomUUID(), id, kind, startsAt, minutes, blankToNull(place),
				blankToNull(videoLink), false);
		jdbc.sql("""
				insert into mentor_session (id, programme_id, kind, starts_at, minutes, place, video_link, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(session.id(), id.value(), kind.name(), Timestamp.from(startsAt), minutes, session.place(),
					session.videoLink(), Timestamp.from(clock.instant()))
			.update();
		tellMentors(programme, session);
		return session;
	}

	/**
	 * Cancels a session; mentors are told. Cancelling twice changes nothing and tells
	 * nobody again.
	 */
	@Transactional
	public void cancel(ProgrammeId id, UUID session, AccountId coordinator) {
		var programme = coordinated(id, coordinator);
		var current = session(id, session);
		if (current.cancelled()) {
			return;
		}
		jdbc.sql("update mentor_session set cancelled_at = ? where id = ?")
			.params(Timestamp.from(clock.instant()), session)
			.update();
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
		coordinated(id, coordinator);
		var current = session(id, session);
		var absent = accountsIn("select account_id from session_absence where session_id = ?", session);
		var attended = accountsIn("select account_id from session_attendance where session_id = ?", session);
		var mentors = recruitment.accepted(id, RecruitmentRole.MENTOR);
		var people = accounts.findAll(mentors);
		return new Roll(current,
				mentors.stream()
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
		coordinated(id, coordinator);
		var current = session(id, session);
		if (current.cancelled()) {
			throw new TrainingRefused(TrainingRefused.Reason.CANCELLED);
		}
		if (!Set.copyOf(recruitment.accepted(id, RecruitmentRole.MENTOR)).containsAll(came)) {
			throw new NotFoundException("mentor");
		}
		jdbc.sql("delete from session_attendance where session_id = ?").param(session).update();
		var now = Timestamp.from(clock.instant());
		for (var mentor : came) {
			jdbc.sql(
					"insert into session_attendance (session_id, account_id, recorded_by, recorded_at) values (?, ?, ?, ?)")
				.params(session, mentor.value(), coordinator.value(), now)
				.update();
		}
	}

	/**
	 * The readiness of every accepted mentor, and the number of trainings the rule asks
	 * for.
	 */
	@Transactional(readOnly = true)
	public List<Readiness> readiness(ProgrammeId id, AccountId coordinator) {
		var programme = coordinated(id, coordinator);
		return readiness(programme);
	}

	/** Whether a mentor may be placed in a group, for the grouping module. */
	@Transactional(readOnly = true)
	public Set<AccountId> readyMentors(ProgrammeId id) {
		var programme = programmes.find(id).orElseThrow(() -> new NotFoundException("programme"));
		var ready = new HashSet<AccountId>();
		readiness(programme).stream().filter(Readiness::ready).forEach(r -> ready.add(r.mentor()));
		return ready;
	}

	@Transactional(readOnly = true)
	public int requiredTrainings(ProgrammeId id, AccountId coordinator) {
		return required(coordinated(id, coordinator));
	}

	@Transactional
	public void changeRequiredTrainings(ProgrammeId id, int minimum, AccountId coordinator) {
		coordinated(id, coordinator);
		if (jdbc.sql("update readiness_rule set min_trainings = ? where programme_id = ?")
			.params(minimum, id.value())
			.update() == 0) {
			jdbc.sql("insert into readiness_rule (programme_id, min_trainings) values (?, ?)")
				.params(id.value(), minimum)
				.update();
		}
	}

	/**
	 * Overrides the rule for one accepted mentor with a reason; {@code ready} null goes
	 * back to the rule.
	 */
	@Transactional
	public void override(ProgrammeId id, AccountId mentor, Boolean ready, String reason, AccountId coordinator) {
		coordinated(id, coordinator);
		requireMentor(id, mentor);
		jdbc.sql("delete from readiness_override where programme_id = ? and account_id = ?")
			.params(id.value(), mentor.value())
			.update();
		if (ready != null) {
			jdbc.sql("""
					insert into readiness_override (programme_id, account_id, ready, reason, decided_by, decided_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(id.value(), mentor.value(), ready, reason.strip(), coordinator.value(),
						Timestamp.from(clock.instant()))
				.update();
		}
	}

	/**
	 * What one mentor sees: their sessions, whether they said they cannot come, whether
	 * they came, and readiness.
	 */
	public record MentorView(ProgrammeView programme, List<MySession> sessions, Readiness readiness) {
	}

	/**
	 * One of a mentor's sessions; {@code upcoming} until it starts, when saying one
	 * cannot come still helps.
	 */
	public record MySession(MentorSession session, boolean saidCannotCome, boolean attended, boolean upcoming) {
	}

	/**
	 * The mentor's own view; only accepted mentors of the programme have one, everyone
	 * else gets a 404.
	 */
	@Transactional(readOnly = true)
	public MentorView mine(ProgrammeId id, AccountId mentor) {
		var programme = programmes.find(id).orElseThrow(() -> new NotFoundException("programme"));
		requireMentor(id, mentor);
		var absent = sessionsOf("select session_id from session_absence where account_id = ?", mentor);
		var attended = sessionsOf("select session_id from session_attendance where account_id = ?", mentor);
		var mine = sessions(id).stream()
			.map(s -> new MySession(s, absent.contains(s.id()), attended.contains(s.id()),
					clock.instant().isBefore(s.startsAt())))
			.toList();
		var readiness = readiness(programme).stream().filter(r -> r.mentor().equals(mentor)).findFirst().orElseThrow();
		return new MentorView(programme, mine, readiness);
	}

	/**
	 * A mentor says they cannot come (or can after all); only before the session starts.
	 */
	@Transactional
	public void respond(ProgrammeId id, UUID session, boolean canCome, AccountId mentor) {
		requireMentor(id, mentor);
		var current = session(id, session);
		if (current.cancelled() || !clock.instant().isBefore(current.startsAt())) {
			throw new TrainingRefused(
					current.cancelled() ? TrainingRefused.Reason.CANCELLED : TrainingRefused.Reason.STARTED);
		}
		jdbc.sql("delete from session_absence where session_id = ? and account_id = ?")
			.params(session, mentor.value())
			.update();
		if (!canCome) {
			jdbc.sql("insert into session_absence (session_id, account_id, said_at) values (?, ?, ?)")
				.params(session, mentor.value(), Timestamp.from(clock.instant()))
				.update();
		}
	}

	/** A session of the mentor's programme, for their calendar file. */
	@Transactional(readOnly = true)
	public MentorSession sessionFor(ProgrammeId id, UUID session, AccountId mentor) {
		requireMentor(id, mentor);
		return session(id, session);
	}

	/**
	 * Every session of every programme in which the person is an accepted mentor, for
	 * their calendar feed.
	 */
	@Transactional(readOnly = true)
	public List<MentorSession> sessionsOf(AccountId mentor) {
		return recruitment.acceptedIn(mentor, RecruitmentRole.MENTOR)
			.stream()
			.flatMap(p -> sessions(p).stream())
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
		var upcoming = jdbc.sql("""
				select id, programme_id, kind, starts_at, minutes, place, video_link, cancelled_at from mentor_session
				 where starts_at > ? and starts_at <= ? and cancelled_at is null order by starts_at""")
			.params(Timestamp.from(after), Timestamp.from(until))
			.query((rs, n) -> session(new ProgrammeId(rs.getObject("programme_id", UUID.class)), rs))
			.list();
		// Sessions of one programme share its mentors: asked once per programme each
		// sweep
		var mentors = new HashMap<ProgrammeId, List<AccountId>>();
		return upcoming.stream().map(s -> {
			var absent = accountsIn("select account_id from session_absence where session_id = ?", s.id());
			return new Expected(s,
					mentors.computeIfAbsent(s.programme(), p -> recruitment.accepted(p, RecruitmentRole.MENTOR))
						.stream()
						.filter(m -> !absent.contains(m))
						.toList());
		}).toList();
	}

	private void requireMentor(ProgrammeId id, AccountId mentor) {
		if (!recruitment.accepted(id, RecruitmentRole.MENTOR).contains(mentor)) {
			throw new NotFoundException("mentor");
		}
	}

	private List<Readiness> readiness(ProgrammeView programme) {
		var id = programme.id();
		int required = required(programme);
		var mentors = recruitment.accepted(id, RecruitmentRole.MENTOR);
		var people = accounts.findAll(mentors);
		var attended = new HashMap<AccountId, Integer>();
		jdbc.sql("""
				select a.account_id, count(*) from session_attendance a join mentor_session s on s.id = a.session_id
				 where s.programme_id = ? and s.kind in ('TRAINING', 'MAKEUP') and s.cancelled_at is null
				 group by a.account_id""")
			.param(id.value())
			.query((rs, n) -> attended.put(new AccountId(rs.getObject(1, UUID.class)), rs.getInt(2)))
			.list();
		var overrides = new HashMap<AccountId, Object[]>();
		jdbc.sql("select account_id, ready, reason from readiness_override where programme_id = ?")
			.param(id.value())
			.query((rs, n) -> overrides.put(new AccountId(rs.getObject(1, UUID.class)),
					new Object[] { rs.getBoolean(2), rs.getString(3) }))
			.list();
		var result = new ArrayList<Readiness>();
		for (var mentor : mentors) {
			var person = people.get(mentor);
			var override = Optional.ofNullable(overrides.get(mentor));
			result.add(new Readiness(mentor, person == null ? "" : person.displayName(),
					person == null ? "" : person.email(), attended.getOrDefault(mentor, 0), required,
					override.map(o -> (Boolean) o[0]).orElse(null), override.map(o -> (String) o[1]).orElse(null)));
		}
		return result;
	}

	private int required(ProgrammeView programme) {
		return jdbc.sql("select min_trainings from readiness_rule where programme_id = ?")
			.param(programme.id().value())
			.query(Integer.class)
			.optional()
			.orElse(programme.settings().trainingCount());
	}

	private List<MentorSession> sessions(ProgrammeId id) {
		return jdbc.sql("""
				select id, kind, starts_at, minutes, place, video_link, cancelled_at from mentor_session
				 where programme_id = ? order by starts_at""")
			.param(id.value())
			.query((rs, n) -> session(id, rs))
			.list();
	}

	private MentorSession session(ProgrammeId id, UUID session) {
		return jdbc.sql("""
				select id, kind, starts_at, minutes, place, video_link, cancelled_at from mentor_session
				 where id = ? and programme_id = ?""")
			.params(session, id.value())
			.query((rs, n) -> session(id, rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("session"));
	}

	private static MentorSession session(ProgrammeId id, ResultSet rs) throws SQLException {
		return new MentorSession(rs.getObject("id", UUID.class), id, SessionKind.valueOf(rs.getString("kind")),
				rs.getTimestamp("starts_at").toInstant(), rs.getInt("minutes"), rs.getString("place"),
				rs.getString("video_link"), rs.getTimestamp("cancelled_at") != null);
	}

	private void tellMentors(ProgrammeView programme, MentorSession session) {
		var people = accounts.findAll(recruitment.accepted(programme.id(), RecruitmentRole.MENTOR));
		people.values()
			.forEach(p -> events.publishEvent(new MentorInvited(session, p.id(),
					programme.text(p.language() == null ? Language.EN : p.language()).name())));
	}

	private Set<AccountId> accountsIn(String sql, UUID session) {
		return new HashSet<>(
				jdbc.sql(sql).param(session).query((rs, n) -> new AccountId(rs.getObject(1, UUID.class))).list());
	}

	private Set<UUID> sessionsOf(String sql, AccountId account) {
		return new HashSet<>(jdbc.sql(sql).param(account.value()).query((rs, n) -> rs.getObject(1, UUID.class)).list());
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
