package app.kindred.meeting.internal;

import static app.kindred.meeting.internal.MeetingStore.at;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * The workspace's tables: what the mentors write and the attendance they take. Callers
 * own the transactions.
 */
@Repository
class WorkspaceStore {

	/** What mentors write about a meeting. */
	enum Kind {

		PLANNING, DEBRIEF

	}

	record Writing(String text, int version, AccountId editedBy, Instant editedAt) {
	}

	record Roll(AccountId takenBy, Instant takenAt, Map<AccountId, Boolean> present) {
	}

	private final JdbcClient jdbc;

	WorkspaceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Writings

	Optional<Writing> writing(UUID meeting, Kind kind) {
		return jdbc
			.sql("select text, version, edited_by, edited_at from meeting_writing where meeting_id = ? and kind = ?")
			.params(meeting, kind.name())
			.query((rs, n) -> new Writing(rs.getString(1), rs.getInt(2), new AccountId(rs.getObject(3, UUID.class)),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.optional();
	}

	/** The kinds written (not blank) per meeting of the group. */
	Map<UUID, List<Kind>> written(UUID group) {
		var result = new HashMap<UUID, List<Kind>>();
		jdbc.sql("""
				select w.meeting_id, w.kind from meeting_writing w join meeting m on m.id = w.meeting_id
				 where m.group_id = ? and w.text <> ''""").param(group).query(rs -> {
			result.computeIfAbsent(rs.getObject(1, UUID.class), m -> new ArrayList<>())
				.add(Kind.valueOf(rs.getString(2)));
		});
		return result;
	}

	/**
	 * Stores the text as the next version; the caller holds the meeting's lock and has
	 * checked the version.
	 */
	void write(UUID meeting, Kind kind, String text, int version, AccountId by, Instant now) {
		if (jdbc.sql(
				"update meeting_writing set text = ?, version = ?, edited_by = ?, edited_at = ? where meeting_id = ? and kind = ?")
			.params(text, version, by.value(), at(now), meeting, kind.name())
			.update() == 0) {
			jdbc.sql(
					"insert into meeting_writing (meeting_id, kind, text, version, edited_by, edited_at) values (?, ?, ?, ?, ?, ?)")
				.params(meeting, kind.name(), text, version, by.value(), at(now))
				.update();
		}
	}

	// Attendance

	/**
	 * Every roll of the programme's meetings, by meeting. The roll names its programme:
	 * read by it through its index rather than joined to the meetings, which at national
	 * size PostgreSQL hash-joined with every roll of the country.
	 */
	Map<UUID, Roll> rolls(ProgrammeId programme) {
		return rolls("meeting_roll r", "r.programme_id = ?", programme.value());
	}

	/** Every roll of the group's meetings, by meeting. */
	Map<UUID, Roll> rolls(UUID group) {
		return rolls("meeting_roll r join meeting m on m.id = r.meeting_id", "m.group_id = ?", group);
	}

	/**
	 * The rolls {@code from} (as {@code r}) selects {@code where}, with their attendance.
	 */
	private Map<UUID, Roll> rolls(String from, String where, UUID value) {
		var present = new HashMap<UUID, Map<AccountId, Boolean>>();
		jdbc.sql("select a.meeting_id, a.account_id, a.present from " + from
				+ " join meeting_attendance a on a.meeting_id = r.meeting_id where " + where)
			.param(value)
			.query(rs -> {
				present.computeIfAbsent(rs.getObject(1, UUID.class), m -> new LinkedHashMap<>())
					.put(new AccountId(rs.getObject(2, UUID.class)), rs.getBoolean(3));
			});
		var rolls = new HashMap<UUID, Roll>();
		jdbc.sql("select r.meeting_id, r.taken_by, r.taken_at from " + from + " where " + where)
			.param(value)
			.query(rs -> {
				var meeting = rs.getObject(1, UUID.class);
				rolls.put(meeting, new Roll(new AccountId(rs.getObject(2, UUID.class)),
						rs.getObject(3, OffsetDateTime.class).toInstant(), present.getOrDefault(meeting, Map.of())));
			});
		return rolls;
	}

	/** Replaces the meeting's attendance; the caller holds the meeting's lock. */
	void saveRoll(UUID meeting, ProgrammeId programme, Map<AccountId, Boolean> present, AccountId by, Instant now) {
		jdbc.sql("delete from meeting_attendance where meeting_id = ?").param(meeting).update();
		if (jdbc.sql("update meeting_roll set taken_by = ?, taken_at = ? where meeting_id = ?")
			.params(by.value(), at(now), meeting)
			.update() == 0) {
			jdbc.sql("insert into meeting_roll (meeting_id, programme_id, taken_by, taken_at) values (?, ?, ?, ?)")
				.params(meeting, programme.value(), by.value(), at(now))
				.update();
		}
		present.forEach((person, came) -> jdbc
			.sql("insert into meeting_attendance (meeting_id, account_id, present) values (?, ?, ?)")
			.params(meeting, person.value(), came)
			.update());
	}

	/** A text in a group's workspace that the person wrote last, for their own data. */
	record OwnWriting(UUID programmeId, int meeting, String kind, String text, OffsetDateTime editedAt) {
	}

	List<OwnWriting> writingsOf(AccountId account) {
		return jdbc.sql("""
				select m.programme_id, m.number as meeting, w.kind, w.text, w.edited_at
				  from meeting_writing w join meeting m on m.id = w.meeting_id
				 where w.edited_by = ? order by m.starts_at, w.kind""")
			.param(account.value())
			.query(OwnWriting.class)
			.list();
	}

}
