package app.kindred.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.audit.ReadKind;

/** The recorded reads of sensitive data. Callers own the transactions. */
@Repository
class AuditStore {

	/** One recorded read; {@code reader} is null once the reader was erased. */
	record Read(UUID id, Instant readAt, UUID reader, String readerRole, UUID subject, ReadKind kind, UUID organisation,
			UUID programme, String reference) {
	}

	/** One row to write. */
	record NewRead(UUID reader, String readerRole, UUID subject, ReadKind kind, UUID organisation, UUID programme,
			String reference) {
	}

	/**
	 * What the organisation admin asks for; null fields do not narrow.
	 *
	 * @param person rows where this account read or was read
	 * @param from inclusive
	 * @param until exclusive
	 */
	record Filter(UUID organisation, UUID person, ReadKind kind, Instant from, Instant until) {
	}

	private static final String COLUMNS = """
			select id, read_at, reader_id, reader_role, subject_id, kind, organisation_id, programme_id, reference
			  from sensitive_read""";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	AuditStore(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	void insert(Instant at, List<NewRead> reads) {
		var time = at(at);
		template.batchUpdate("""
				insert into sensitive_read (id, read_at, reader_id, reader_role, subject_id, kind, organisation_id,
				                            programme_id, reference)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				reads.stream()
					.map(r -> new Object[] { UUID.randomUUID(), time, r.reader(), r.readerRole(), r.subject(),
							r.kind().name(), r.organisation(), r.programme(), r.reference() })
					.toList());
	}

	/** The rows the filter picks, newest first, one page of them. */
	List<Read> find(Filter filter, int offset, int limit) {
		var where = new StringBuilder(" where 1 = 1");
		var params = new ArrayList<Object>();
		if (filter.organisation() != null) {
			where.append(" and organisation_id = ?");
			params.add(filter.organisation());
		}
		if (filter.person() != null) {
			where.append(" and (subject_id = ? or reader_id = ?)");
			params.add(filter.person());
			params.add(filter.person());
		}
		if (filter.kind() != null) {
			where.append(" and kind = ?");
			params.add(filter.kind().name());
		}
		if (filter.from() != null) {
			where.append(" and read_at >= ?");
			params.add(at(filter.from()));
		}
		if (filter.until() != null) {
			where.append(" and read_at < ?");
			params.add(at(filter.until()));
		}
		params.add(limit);
		params.add(offset);
		return jdbc.sql(COLUMNS + where + " order by read_at desc, id limit ? offset ?")
			.params(params)
			.query((rs, n) -> read(rs))
			.list();
	}

	/** Every row where the person read someone else's data. */
	List<Read> byReader(UUID reader) {
		return jdbc.sql(COLUMNS + " where reader_id = ? order by read_at desc, id")
			.param(reader)
			.query((rs, n) -> read(rs))
			.list();
	}

	/** Every row about the person's data. */
	List<Read> bySubject(UUID subject) {
		return jdbc.sql(COLUMNS + " where subject_id = ? order by read_at desc, id")
			.param(subject)
			.query((rs, n) -> read(rs))
			.list();
	}

	int deleteSubject(UUID subject) {
		return jdbc.sql("delete from sensitive_read where subject_id = ?").param(subject).update();
	}

	/**
	 * The reader's rows stay, so the subjects still see that their data was read, but
	 * lead to nobody.
	 */
	int anonymiseReader(UUID reader) {
		return jdbc.sql("update sensitive_read set reader_id = null where reader_id = ?").param(reader).update();
	}

	long countProgramme(UUID programme) {
		return jdbc.sql("select count(*) from sensitive_read where programme_id = ?")
			.param(programme)
			.query(Long.class)
			.single();
	}

	int deleteProgramme(UUID programme) {
		return jdbc.sql("delete from sensitive_read where programme_id = ?").param(programme).update();
	}

	private static Read read(ResultSet rs) throws SQLException {
		var kind = rs.getString("kind");
		return new Read(rs.getObject("id", UUID.class), rs.getObject("read_at", OffsetDateTime.class).toInstant(),
				rs.getObject("reader_id", UUID.class), rs.getString("reader_role"),
				rs.getObject("subject_id", UUID.class), ReadKind.valueOf(kind),
				rs.getObject("organisation_id", UUID.class), rs.getObject("programme_id", UUID.class),
				rs.getString("reference"));
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

}
