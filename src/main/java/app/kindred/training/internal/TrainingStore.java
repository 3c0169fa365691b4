package app.kindred.training.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import app.kindred.training.MentorSession;
import app.kindred.training.SessionKind;

/**
 * The training tables: sessions, who said they cannot come, who came, and the readiness
 * rule and its overrides per programme.
 */
@Repository
public class TrainingStore {

	/** A coordinator's decision on one mentor's readiness, with the reason. */
	public record Decision(boolean ready, String reason) {
	}

	private static final String SESSION_COLUMNS = "id, programme_id, kind, starts_at, minutes, place, video_link, cancelled_at";

	private final JdbcClient jdbc;

	TrainingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A session the person came to or said they could not come to, for their own data.
	 */
	record OwnSession(ProgrammeId programme, SessionKind kind, Instant startsAt, int minutes, Instant cancelledAt,
			Instant attendanceRecordedAt, Instant absenceSaidAt) {
	}

	/** A coordinator's decision on the person's readiness, for their own data. */
	record OwnDecision(ProgrammeId programme, boolean ready, String reason, Instant decidedAt) {
	}

	List<OwnSession> sessionsOf(AccountId account) {
		return jdbc.sql("""
				select s.programme_id, s.kind, s.starts_at, s.minutes, s.cancelled_at, t.recorded_at, a.said_at
				  from mentor_session s
				  left join session_attendance t on t.session_id = s.id and t.account_id = ?
				  left join session_absence a on a.session_id = s.id and a.account_id = ?
				 where t.account_id is not null or a.account_id is not null order by s.starts_at""")
			.params(account.value(), account.value())
			.query((rs, n) -> new OwnSession(new ProgrammeId(rs.getObject(1, UUID.class)),
					SessionKind.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(), rs.getInt(4),
					instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7))))
			.list();
	}

	List<OwnDecision> decisionsOf(AccountId account) {
		return jdbc.sql("select programme_id, ready, reason, decided_at from readiness_override where account_id = ?")
			.param(account.value())
			.query((rs, n) -> new OwnDecision(new ProgrammeId(rs.getObject(1, UUID.class)), rs.getBoolean(2),
					rs.getString(3), rs.getTimestamp(4).toInstant()))
			.list();
	}

	private static Instant instant(Timestamp at) {
		return at == null ? null : at.toInstant();
	}

	public void insert(MentorSession session, Instant createdAt) {
		jdbc.sql("""
				insert into mentor_session (id, programme_id, kind, starts_at, minutes, place, video_link, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(session.id(), session.programme().value(), session.kind().name(),
					Timestamp.from(session.startsAt()), session.minutes(), session.place(), session.videoLink(),
					Timestamp.from(createdAt))
			.update();
	}

	public void cancel(UUID session, Instant at) {
		jdbc.sql("update mentor_session set cancelled_at = ? where id = ?")
			.params(Timestamp.from(at), session)
			.update();
	}

	/**
	 * One session of the programme; empty if it is another programme's or none at all.
	 */
	public Optional<MentorSession> session(ProgrammeId programme, UUID session) {
		return jdbc.sql("select " + SESSION_COLUMNS + " from mentor_session where id = ? and programme_id = ?")
			.params(session, programme.value())
			.query((rs, n) -> session(rs))
			.optional();
	}

	/** The programme's sessions, cancelled ones included, by start. */
	public List<MentorSession> sessions(ProgrammeId programme) {
		return jdbc.sql("select " + SESSION_COLUMNS + " from mentor_session where programme_id = ? order by starts_at")
			.param(programme.value())
			.query((rs, n) -> session(rs))
			.list();
	}

	/**
	 * Sessions of every programme, not cancelled, that start after {@code after} and no
	 * later than {@code until}.
	 */
	public List<MentorSession> starting(Instant after, Instant until) {
		return jdbc.sql("select " + SESSION_COLUMNS
				+ " from mentor_session where starts_at > ? and starts_at <= ? and cancelled_at is null order by starts_at")
			.params(Timestamp.from(after), Timestamp.from(until))
			.query((rs, n) -> session(rs))
			.list();
	}

	/** The mentors who said they cannot come to the session. */
	public Set<AccountId> absent(UUID session) {
		return accounts("select account_id from session_absence where session_id = ?", session);
	}

	/** The mentors recorded as having come to the session. */
	public Set<AccountId> attended(UUID session) {
		return accounts("select account_id from session_attendance where session_id = ?", session);
	}

	/** The sessions the mentor said they cannot come to. */
	public Set<UUID> absencesOf(AccountId mentor) {
		return sessions("select session_id from session_absence where account_id = ?", mentor);
	}

	/** The sessions the mentor was recorded as having come to. */
	public Set<UUID> attendanceOf(AccountId mentor) {
		return sessions("select session_id from session_attendance where account_id = ?", mentor);
	}

	/**
	 * The sessions of the programme each mentor was recorded as having come to, in one
	 * query for a whole programme (the certificates page lists every mentor).
	 */
	public Map<AccountId, Set<UUID>> attendanceIn(ProgrammeId programme) {
		var attended = new HashMap<AccountId, Set<UUID>>();
		jdbc.sql("""
				select a.account_id, a.session_id from session_attendance a join mentor_session s on s.id = a.session_id
				 where s.programme_id = ?""").param(programme.value()).query(rs -> {
			attended.computeIfAbsent(new AccountId(rs.getObject(1, UUID.class)), k -> new HashSet<>())
				.add(rs.getObject(2, UUID.class));
		});
		return attended;
	}

	/** Records who came, replacing what was recorded before for the session. */
	public void replaceAttendance(UUID session, Set<AccountId> came, AccountId recordedBy, Instant at) {
		jdbc.sql("delete from session_attendance where session_id = ?").param(session).update();
		for (var mentor : came) {
			jdbc.sql(
					"insert into session_attendance (session_id, account_id, recorded_by, recorded_at) values (?, ?, ?, ?)")
				.params(session, mentor.value(), recordedBy.value(), Timestamp.from(at))
				.update();
		}
	}

	/** Whether the mentor said they cannot come, replacing what they said before. */
	public void respond(UUID session, AccountId mentor, boolean canCome, Instant at) {
		jdbc.sql("delete from session_absence where session_id = ? and account_id = ?")
			.params(session, mentor.value())
			.update();
		if (!canCome) {
			jdbc.sql("insert into session_absence (session_id, account_id, said_at) values (?, ?, ?)")
				.params(session, mentor.value(), Timestamp.from(at))
				.update();
		}
	}

	/**
	 * How many trainings each mentor of the programme attended: trainings and make-ups
	 * not cancelled; mentors who attended none are left out.
	 */
	public Map<AccountId, Integer> trainingsAttended(ProgrammeId programme) {
		var attended = new HashMap<AccountId, Integer>();
		jdbc.sql("""
				select a.account_id, count(*) from session_attendance a join mentor_session s on s.id = a.session_id
				 where s.programme_id = ? and s.kind in ('TRAINING', 'MAKEUP') and s.cancelled_at is null
				 group by a.account_id""")
			.param(programme.value())
			.query((rs, n) -> attended.put(new AccountId(rs.getObject(1, UUID.class)), rs.getInt(2)))
			.list();
		return attended;
	}

	/** The coordinator's decisions for the programme's mentors, by mentor. */
	public Map<AccountId, Decision> overrides(ProgrammeId programme) {
		var overrides = new HashMap<AccountId, Decision>();
		jdbc.sql("select account_id, ready, reason from readiness_override where programme_id = ?")
			.param(programme.value())
			.query((rs, n) -> overrides.put(new AccountId(rs.getObject(1, UUID.class)),
					new Decision(rs.getBoolean(2), rs.getString(3))))
			.list();
		return overrides;
	}

	/**
	 * Replaces the decision for one mentor; {@code ready} null leaves none, back to the
	 * rule.
	 */
	public void override(ProgrammeId programme, AccountId mentor, Boolean ready, String reason, AccountId decidedBy,
			Instant at) {
		jdbc.sql("delete from readiness_override where programme_id = ? and account_id = ?")
			.params(programme.value(), mentor.value())
			.update();
		if (ready != null) {
			jdbc.sql("""
					insert into readiness_override (programme_id, account_id, ready, reason, decided_by, decided_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(programme.value(), mentor.value(), ready, reason, decidedBy.value(), Timestamp.from(at))
				.update();
		}
	}

	/** The number of trainings the coordinator set for the programme, if they set one. */
	public Optional<Integer> requiredTrainings(ProgrammeId programme) {
		return jdbc.sql("select min_trainings from readiness_rule where programme_id = ?")
			.param(programme.value())
			.query(Integer.class)
			.optional();
	}

	public void changeRequiredTrainings(ProgrammeId programme, int minimum) {
		if (jdbc.sql("update readiness_rule set min_trainings = ? where programme_id = ?")
			.params(minimum, programme.value())
			.update() == 0) {
			jdbc.sql("insert into readiness_rule (programme_id, min_trainings) values (?, ?)")
				.params(programme.value(), minimum)
				.update();
		}
	}

	private static MentorSession session(ResultSet rs) throws SQLException {
		return new MentorSession(rs.getObject("id", UUID.class),
				new ProgrammeId(rs.getObject("programme_id", UUID.class)), SessionKind.valueOf(rs.getString("kind")),
				rs.getTimestamp("starts_at").toInstant(), rs.getInt("minutes"), rs.getString("place"),
				rs.getString("video_link"), rs.getTimestamp("cancelled_at") != null);
	}

	private Set<AccountId> accounts(String sql, UUID session) {
		return new HashSet<>(
				jdbc.sql(sql).param(session).query((rs, n) -> new AccountId(rs.getObject(1, UUID.class))).list());
	}

	private Set<UUID> sessions(String sql, AccountId account) {
		return new HashSet<>(jdbc.sql(sql).param(account.value()).query((rs, n) -> rs.getObject(1, UUID.class)).list());
	}

}
