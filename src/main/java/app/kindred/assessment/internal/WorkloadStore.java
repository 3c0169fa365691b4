package app.kindred.assessment.internal;

import static app.kindred.assessment.internal.CourseStore.at;
import static app.kindred.assessment.internal.CourseStore.instant;
import java.time.OffsetDateTime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * The hours mentors log by hand, the programmes' reading lists and who read what. Callers
 * own the transactions.
 */
@Repository
class WorkloadStore {

	private final JdbcClient jdbc;

	WorkloadStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Logged hours

	List<Workload.Entry> entries(ProgrammeId programme, AccountId mentor) {
		return jdbc.sql("""
				select id, part, work_date, minutes, note, created_at from workload_entry
				where programme_id = ? and account_id = ? order by work_date desc, created_at desc""")
			.params(programme.value(), mentor.value())
			.query((rs, n) -> new Workload.Entry(rs.getObject(1, UUID.class), WorkloadPart.valueOf(rs.getString(2)),
					rs.getObject(3, LocalDate.class), rs.getInt(4), rs.getString(5), instant(rs, 6)))
			.list();
	}

	void insert(ProgrammeId programme, AccountId mentor, Workload.Entry entry) {
		jdbc.sql("""
				insert into workload_entry (id, programme_id, account_id, part, work_date, minutes, note, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(entry.id(), programme.value(), mentor.value(), entry.part().name(), entry.date(), entry.minutes(),
					entry.note(), at(entry.createdAt()))
			.update();
	}

	/** Deletes the mentor's own entry; false when they have none with that id. */
	boolean delete(ProgrammeId programme, AccountId mentor, UUID entry) {
		return jdbc.sql("delete from workload_entry where id = ? and programme_id = ? and account_id = ?")
			.params(entry, programme.value(), mentor.value())
			.update() > 0;
	}

	// The reading list

	List<ReadingEntry> readings(ProgrammeId programme) {
		return jdbc.sql("select id, position, citation from reading where programme_id = ? order by position, id")
			.param(programme.value())
			.query((rs, n) -> new ReadingEntry(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)))
			.list();
	}

	Optional<ReadingEntry> reading(ProgrammeId programme, UUID reading) {
		return jdbc.sql("select id, position, citation from reading where id = ? and programme_id = ?")
			.params(reading, programme.value())
			.query((rs, n) -> new ReadingEntry(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)))
			.optional();
	}

	/** The programme's item, locked until the transaction ends. */
	Optional<ReadingEntry> lockReading(ProgrammeId programme, UUID reading) {
		return jdbc.sql("select id, position, citation from reading where id = ? and programme_id = ? for update")
			.params(reading, programme.value())
			.query((rs, n) -> new ReadingEntry(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3)))
			.optional();
	}

	void insertReading(ProgrammeId programme, ReadingEntry citation) {
		jdbc.sql("insert into reading (id, programme_id, position, citation) values (?, ?, ?, ?)")
			.params(citation.id(), programme.value(), citation.position(), citation.citation())
			.update();
	}

	void moveReading(UUID reading, int position) {
		jdbc.sql("update reading set position = ? where id = ?").params(position, reading).update();
	}

	void deleteReading(UUID reading) {
		jdbc.sql("delete from reading where id = ?").param(reading).update();
	}

	/** When the mentor marked each item of the programme's list read. */
	Map<UUID, Instant> read(ProgrammeId programme, AccountId mentor) {
		var read = new HashMap<UUID, Instant>();
		jdbc.sql("""
				select d.reading_id, d.done_at from reading_done d join reading r on r.id = d.reading_id
				where r.programme_id = ? and d.account_id = ?""")
			.params(programme.value(), mentor.value())
			.query(rs -> {
				read.put(rs.getObject(1, UUID.class), instant(rs, 2));
			});
		return read;
	}

	/**
	 * Marks the item read, unless it is marked already (a double click, a form sent
	 * twice): the caller holds the item's lock ({@link #lockReading}), so two marks at
	 * once cannot both insert.
	 */
	void markRead(UUID reading, AccountId mentor, Instant now) {
		jdbc.sql("""
				insert into reading_done (reading_id, account_id, done_at)
				select ?, ?, ? where not exists
				  (select 1 from reading_done where reading_id = ? and account_id = ?)""")
			.params(reading, mentor.value(), at(now), reading, mentor.value())
			.update();
	}

	void unmarkRead(UUID reading, AccountId mentor) {
		jdbc.sql("delete from reading_done where reading_id = ? and account_id = ?")
			.params(reading, mentor.value())
			.update();
	}

	/** One of the person's workload entries, for their own data. */
	record OwnWork(UUID programmeId, String part, LocalDate workDate, int minutes, String note,
			OffsetDateTime createdAt) {
	}

	List<OwnWork> entriesOf(AccountId account) {
		return jdbc.sql("""
				select programme_id, part, work_date, minutes, note, created_at
				  from workload_entry where account_id = ? order by programme_id, work_date, created_at""")
			.param(account.value())
			.query(OwnWork.class)
			.list();
	}

}
