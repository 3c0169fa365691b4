package app.kindred.meeting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.identity.AccountId;
import app.kindred.meeting.Meeting;
import app.kindred.meeting.Place;
import app.kindred.programme.ProgrammeId;

/** Meetings, where groups meet, and breaks. Callers own the transactions. */
@Repository
class MeetingStore {

	private static final String MEETING = """
			select id, programme_id, group_id, number, starts_at, minutes, campus, room, video_link, own_place, sequence,
			       cancelled_at from meeting""";

	private final JdbcClient jdbc;

	MeetingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Meetings

	boolean hasMeetings(UUID group) {
		return jdbc.sql("select count(*) from meeting where group_id = ?")
			.param(group)
			.query(Integer.class)
			.single() > 0;
	}

	void insert(Meeting m, Instant now) {
		jdbc.sql("""
				insert into meeting (id, programme_id, group_id, number, starts_at, minutes, campus, room, video_link,
				                     own_place, sequence, created_at, changed_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(m.id(), m.programme().value(), m.group(), m.number(), at(m.startsAt()), m.minutes(),
					m.place().campus(), m.place().room(), m.place().videoLink(), m.ownPlace(), m.sequence(), at(now),
					at(now))
			.update();
	}

	List<Meeting> ofProgramme(ProgrammeId programme) {
		return jdbc.sql(MEETING + " where programme_id = ? order by group_id, number")
			.param(programme.value())
			.query(MeetingStore::meeting)
			.list();
	}

	List<Meeting> ofGroup(UUID group) {
		return jdbc.sql(MEETING + " where group_id = ? order by number")
			.param(group)
			.query(MeetingStore::meeting)
			.list();
	}

	Optional<Meeting> find(UUID meeting) {
		return jdbc.sql(MEETING + " where id = ?").param(meeting).query(MeetingStore::meeting).optional();
	}

	/**
	 * The meeting, locked until the transaction ends: two changes of one meeting happen
	 * one after the other.
	 */
	Optional<Meeting> lock(UUID meeting) {
		return jdbc.sql(MEETING + " where id = ? for update").param(meeting).query(MeetingStore::meeting).optional();
	}

	/**
	 * Meetings not cancelled that start after {@code after} and no later than
	 * {@code until}.
	 */
	List<Meeting> starting(Instant after, Instant until) {
		return jdbc.sql(MEETING + " where starts_at > ? and starts_at <= ? and cancelled_at is null order by starts_at")
			.params(at(after), at(until))
			.query(MeetingStore::meeting)
			.list();
	}

	/**
	 * Moves the meeting; its first move keeps when it was first planned, for members'
	 * pages.
	 */
	void reschedule(UUID meeting, Instant startsAt, int minutes, Instant now) {
		jdbc.sql("""
				update meeting set first_starts_at = coalesce(first_starts_at, starts_at), starts_at = ?, minutes = ?,
				       sequence = sequence + 1, changed_at = ? where id = ?""")
			.params(at(startsAt), minutes, at(now), meeting)
			.update();
	}

	void cancel(UUID meeting, Instant now) {
		jdbc.sql("update meeting set cancelled_at = ?, sequence = sequence + 1, changed_at = ? where id = ?")
			.params(at(now), at(now), meeting)
			.update();
	}

	void changePlace(UUID meeting, Place place, boolean own, Instant now) {
		jdbc.sql("""
				update meeting set campus = ?, room = ?, video_link = ?, own_place = ?, sequence = sequence + 1,
				       changed_at = ? where id = ?""")
			.params(place.campus(), place.room(), place.videoLink(), own, at(now), meeting)
			.update();
	}

	/** The first planned start of each of the group's meetings that moved. */
	Map<UUID, Instant> firstStarts(UUID group) {
		var result = new HashMap<UUID, Instant>();
		jdbc.sql("select id, first_starts_at from meeting where group_id = ? and first_starts_at is not null "
				+ "and first_starts_at <> starts_at")
			.param(group)
			.query(rs -> {
				result.put(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant());
			});
		return result;
	}

	// Where groups meet

	Optional<Place> venue(UUID group) {
		return jdbc.sql("select campus, room, video_link from meeting_venue where group_id = ?")
			.param(group)
			.query((rs, n) -> new Place(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	void insertVenue(UUID group, ProgrammeId programme, Place place, Instant now) {
		jdbc.sql("insert into meeting_venue (group_id, programme_id, campus, room, video_link, changed_at) "
				+ "values (?, ?, ?, ?, ?, ?)")
			.params(group, programme.value(), place.campus(), place.room(), place.videoLink(), at(now))
			.update();
	}

	/**
	 * Changes the group's place, locking its row so that two changes of one group happen
	 * one after the other.
	 */
	boolean updateVenue(UUID group, Place place, Instant now) {
		jdbc.sql("select group_id from meeting_venue where group_id = ? for update")
			.param(group)
			.query(UUID.class)
			.optional();
		return jdbc
			.sql("update meeting_venue set campus = ?, room = ?, video_link = ?, changed_at = ? where group_id = ?")
			.params(place.campus(), place.room(), place.videoLink(), at(now), group)
			.update() > 0;
	}

	// Breaks

	List<MeetingBreak> breaks(ProgrammeId programme) {
		return jdbc.sql(
				"select id, first_day, last_day from meeting_break where programme_id = ? order by first_day, last_day")
			.param(programme.value())
			.query((rs, n) -> new MeetingBreak(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class)))
			.list();
	}

	void insertBreak(ProgrammeId programme, LocalDate first, LocalDate last, AccountId by, Instant now) {
		jdbc.sql("insert into meeting_break (id, programme_id, first_day, last_day, created_by, created_at) "
				+ "values (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), programme.value(), first, last, by.value(), at(now))
			.update();
	}

	boolean deleteBreak(ProgrammeId programme, UUID id) {
		return jdbc.sql("delete from meeting_break where id = ? and programme_id = ?")
			.params(id, programme.value())
			.update() > 0;
	}

	/**
	 * Stored with microseconds on both databases: write and compare what is stored, not
	 * what the clock made.
	 */
	static OffsetDateTime at(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

	private static Meeting meeting(ResultSet rs, int row) throws SQLException {
		var cancelled = rs.getObject("cancelled_at", OffsetDateTime.class);
		return new Meeting(rs.getObject("id", UUID.class), new ProgrammeId(rs.getObject("programme_id", UUID.class)),
				rs.getObject("group_id", UUID.class), rs.getInt("number"),
				rs.getObject("starts_at", OffsetDateTime.class).toInstant(), rs.getInt("minutes"),
				new Place(rs.getString("campus"), rs.getString("room"), rs.getString("video_link")),
				rs.getBoolean("own_place"), rs.getInt("sequence"), cancelled != null);
	}

	/**
	 * A meeting of the person's group and whether they were there, for their own data.
	 */
	record OwnAttendance(UUID programmeId, int number, OffsetDateTime startsAt, OffsetDateTime cancelledAt,
			boolean present) {
	}

	List<OwnAttendance> attendanceOf(AccountId account) {
		return jdbc.sql("""
				select m.programme_id, m.number, m.starts_at, m.cancelled_at, a.present
				  from meeting_attendance a join meeting m on m.id = a.meeting_id
				 where a.account_id = ? order by m.starts_at""")
			.param(account.value())
			.query(OwnAttendance.class)
			.list();
	}

}
