package app.kindred.meeting.internal;

import static app.kindred.meeting.internal.MeetingStore.at;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/** The groups' requests for staff attention. Callers own the transactions. */
@Repository
class AttentionStore {

	record Flag(UUID id, UUID group, String note, AccountId raisedBy, Instant raisedAt, AccountId resolvedBy,
			Instant resolvedAt) {

		boolean open() {
			return resolvedAt == null;
		}
	}

	private static final String FLAG = """
			select id, group_id, note, raised_by, raised_at, resolved_by, resolved_at from group_attention""";

	private final JdbcClient jdbc;

	AttentionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The group's latest flag, open or resolved. */
	Optional<Flag> latestFlag(UUID group) {
		return jdbc.sql(FLAG + " where group_id = ? order by raised_at desc, id")
			.param(group)
			.query(AttentionStore::flag)
			.list()
			.stream()
			.findFirst();
	}

	List<Flag> openFlags(ProgrammeId programme) {
		return jdbc.sql(FLAG + " where programme_id = ? and open_group is not null order by raised_at")
			.param(programme.value())
			.query(AttentionStore::flag)
			.list();
	}

	/**
	 * Holds the group's row in meeting_venue until the transaction ends, so that two
	 * mentors raising the flag at once raise it once. Every scheduled group has that row;
	 * the unique open_group guards the rest.
	 */
	void lockGroup(UUID group) {
		jdbc.sql("select group_id from meeting_venue where group_id = ? for update")
			.param(group)
			.query(UUID.class)
			.optional();
	}

	void raise(UUID group, ProgrammeId programme, String note, AccountId by, Instant now) {
		jdbc.sql("""
				insert into group_attention (id, programme_id, group_id, open_group, note, raised_by, raised_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), programme.value(), group, group, note, by.value(), at(now))
			.update();
	}

	boolean resolve(UUID group, AccountId by, Instant now) {
		return jdbc
			.sql("update group_attention set open_group = null, resolved_by = ?, resolved_at = ? where open_group = ?")
			.params(by.value(), at(now), group)
			.update() > 0;
	}

	private static Flag flag(ResultSet rs, int row) throws SQLException {
		var resolvedBy = rs.getObject("resolved_by", UUID.class);
		var resolvedAt = rs.getObject("resolved_at", OffsetDateTime.class);
		return new Flag(rs.getObject("id", UUID.class), rs.getObject("group_id", UUID.class), rs.getString("note"),
				new AccountId(rs.getObject("raised_by", UUID.class)),
				rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
				resolvedBy == null ? null : new AccountId(resolvedBy),
				resolvedAt == null ? null : resolvedAt.toInstant());
	}

	/** A request for staff attention the person raised, for their own data. */
	record OwnFlag(UUID programmeId, String note, OffsetDateTime raisedAt, OffsetDateTime resolvedAt) {
	}

	List<OwnFlag> raisedBy(AccountId account) {
		return jdbc
			.sql("select programme_id, note, raised_at, resolved_at from group_attention where raised_by = ?"
					+ " order by raised_at")
			.param(account.value())
			.query(OwnFlag.class)
			.list();
	}

}
