package app.kindred.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * The learning diary's entries with their versions, the readers' readings, the diary's
 * submission and the programme's own reflection prompts. Callers own the transactions.
 */
@Repository
class DiaryStore {

	private static final String ENTRY = """
			select e.id, e.programme_id, e.account_id, e.entry_date, e.occasion, e.occasion_id, e.version, v.text,
			       v.written_at, e.created_at, e.shared_at
			from diary_entry e join diary_version v on v.entry_id = e.id and v.version = e.version
			""";

	private final JdbcClient jdbc;

	DiaryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The writer's entries in the programme, newest first. */
	List<DiaryEntry> entries(ProgrammeId programme, AccountId writer) {
		return jdbc
			.sql(ENTRY + "where e.programme_id = ? and e.account_id = ? order by e.entry_date desc, "
					+ "e.created_at desc")
			.params(programme.value(), writer.value())
			.query(DiaryStore::entry)
			.list();
	}

	Optional<DiaryEntry> entry(UUID id) {
		return jdbc.sql(ENTRY + "where e.id = ?").param(id).query(DiaryStore::entry).optional();
	}

	/**
	 * The entry, locked until the transaction ends, so two saves never make one version.
	 */
	Optional<DiaryEntry> lock(UUID id) {
		jdbc.sql("select id from diary_entry where id = ? for update").param(id).query(UUID.class).optional();
		return entry(id);
	}

	void insert(DiaryEntry entry) {
		jdbc.sql("""
				insert into diary_entry (id, programme_id, account_id, entry_date, occasion, occasion_id, version,
				       created_at, shared_at)
				values (?, ?, ?, ?, ?, ?, 1, ?, null)""")
			.params(entry.id(), entry.programme().value(), entry.writer().value(), entry.date(),
					entry.occasion() == null ? null : entry.occasion().name(), entry.occasionId(),
					CourseStore.at(entry.createdAt()))
			.update();
		insertVersion(entry.id(), 1, entry.text(), entry.createdAt());
	}

	/**
	 * Changes a private entry in place: its date, occasion and current version's text.
	 */
	void overwrite(UUID id, LocalDate date, Occasion occasion, UUID occasionId, int version, String text, Instant now) {
		jdbc.sql("update diary_entry set entry_date = ?, occasion = ?, occasion_id = ? where id = ?")
			.params(date, occasion == null ? null : occasion.name(), occasionId, id)
			.update();
		jdbc.sql("update diary_version set text = ?, written_at = ? where entry_id = ? and version = ?")
			.params(text, CourseStore.at(now), id, version)
			.update();
	}

	/** Adds a version to a shared entry, which becomes its current one. */
	void addVersion(UUID id, LocalDate date, Occasion occasion, UUID occasionId, int version, String text,
			Instant now) {
		insertVersion(id, version, text, now);
		jdbc.sql("update diary_entry set entry_date = ?, occasion = ?, occasion_id = ?, version = ? where id = ?")
			.params(date, occasion == null ? null : occasion.name(), occasionId, version, id)
			.update();
	}

	private void insertVersion(UUID id, int version, String text, Instant at) {
		jdbc.sql("insert into diary_version (entry_id, version, text, written_at) values (?, ?, ?, ?)")
			.params(id, version, text, CourseStore.at(at))
			.update();
	}

	/** Shares the entry if it is private; whether it was. */
	boolean share(UUID id, Instant now) {
		return jdbc.sql("update diary_entry set shared_at = ? where id = ? and shared_at is null")
			.params(CourseStore.at(now), id)
			.update() > 0;
	}

	/** Shares every private entry of the writer's diary; how many were private. */
	int shareAll(ProgrammeId programme, AccountId writer, Instant now) {
		return jdbc
			.sql("update diary_entry set shared_at = ? where programme_id = ? and account_id = ? and shared_at is null")
			.params(CourseStore.at(now), programme.value(), writer.value())
			.update();
	}

	Optional<Instant> submitted(ProgrammeId programme, AccountId writer) {
		return jdbc.sql("select submitted_at from diary_submission where programme_id = ? and account_id = ?")
			.params(programme.value(), writer.value())
			.query((rs, n) -> CourseStore.instant(rs, 1))
			.optional();
	}

	/** Records the diary handed in; a second submission moves its time. */
	void submit(ProgrammeId programme, AccountId writer, Instant now) {
		int updated = jdbc.sql("update diary_submission set submitted_at = ? where programme_id = ? and account_id = ?")
			.params(CourseStore.at(now), programme.value(), writer.value())
			.update();
		if (updated == 0) {
			jdbc.sql("insert into diary_submission (programme_id, account_id, submitted_at) values (?, ?, ?)")
				.params(programme.value(), writer.value(), CourseStore.at(now))
				.update();
		}
	}

	/** The version of the entry the reader read last, if they read it. */
	Optional<Integer> versionRead(UUID entry, AccountId reader) {
		return jdbc.sql("select version from diary_reading where entry_id = ? and reader_id = ?")
			.params(entry, reader.value())
			.query(Integer.class)
			.optional();
	}

	void read(UUID entry, AccountId reader, int version, Instant now) {
		int updated = jdbc.sql("update diary_reading set version = ?, read_at = ? where entry_id = ? and reader_id = ?")
			.params(version, CourseStore.at(now), entry, reader.value())
			.update();
		if (updated == 0) {
			jdbc.sql("insert into diary_reading (entry_id, reader_id, version, read_at) values (?, ?, ?, ?)")
				.params(entry, reader.value(), version, CourseStore.at(now))
				.update();
		}
	}

	/** The programme's own prompts for an occasion (FREE for none) in a language. */
	Optional<String> prompts(ProgrammeId programme, String occasion, Language language) {
		return jdbc.sql("select text from course_prompt where programme_id = ? and occasion = ? and language = ?")
			.params(programme.value(), occasion, language.name())
			.query(String.class)
			.optional();
	}

	/**
	 * Replaces the programme's own prompts for an occasion in a language; null removes
	 * them.
	 */
	void savePrompts(ProgrammeId programme, String occasion, Language language, String text) {
		jdbc.sql("delete from course_prompt where programme_id = ? and occasion = ? and language = ?")
			.params(programme.value(), occasion, language.name())
			.update();
		if (text != null) {
			jdbc.sql("insert into course_prompt (programme_id, occasion, language, text) values (?, ?, ?, ?)")
				.params(programme.value(), occasion, language.name(), text)
				.update();
		}
	}

	private static DiaryEntry entry(ResultSet rs, int n) throws SQLException {
		var occasion = rs.getString(5);
		return new DiaryEntry(rs.getObject(1, UUID.class), new ProgrammeId(rs.getObject(2, UUID.class)),
				new AccountId(rs.getObject(3, UUID.class)), rs.getObject(4, LocalDate.class),
				occasion == null ? null : Occasion.valueOf(occasion), rs.getObject(6, UUID.class), rs.getInt(7),
				rs.getString(8), CourseStore.instant(rs, 9), CourseStore.instant(rs, 10), CourseStore.instant(rs, 11));
	}

	/** One of the person's diary entries, for their own data. */
	record OwnEntry(UUID id, UUID programmeId, LocalDate entryDate, String occasion, int version,
			OffsetDateTime createdAt, OffsetDateTime sharedAt) {
	}

	/** One version of a diary entry's text, for its writer's own data. */
	record OwnVersion(int version, String text, OffsetDateTime writtenAt) {
	}

	/** A diary handed in, for its writer's own data. */
	record OwnSubmission(UUID programmeId, OffsetDateTime submittedAt) {
	}

	List<OwnEntry> entriesOf(AccountId account) {
		return jdbc.sql("""
				select id, programme_id, entry_date, occasion, version, created_at, shared_at
				  from diary_entry where account_id = ? order by programme_id, entry_date, created_at""")
			.param(account.value())
			.query(OwnEntry.class)
			.list();
	}

	List<OwnVersion> versionsOf(UUID entry) {
		return jdbc.sql("select version, text, written_at from diary_version where entry_id = ? order by version")
			.param(entry)
			.query(OwnVersion.class)
			.list();
	}

	List<OwnSubmission> submissionsOf(AccountId account) {
		return jdbc.sql("select programme_id, submitted_at from diary_submission where account_id = ?")
			.param(account.value())
			.query(OwnSubmission.class)
			.list();
	}

}
