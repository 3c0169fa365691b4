package app.kindred.privacy.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which programmes are anonymised, and the claim that lets one instance alone do it: the
 * row is taken by a conditional update on its lease, so two instances on one database
 * never both run a programme, and one that died gives it up when its lease runs out.
 */
@Repository
class RetentionStore {

	private final JdbcClient jdbc;

	RetentionStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Instant> anonymisedAt(UUID programme) {
		return jdbc.sql("select anonymised_at from programme_retention where programme_id = ?")
			.param(programme)
			.query((rs, n) -> {
				var at = rs.getObject(1, OffsetDateTime.class);
				return at == null ? null : at.toInstant();
			})
			.optional();
	}

	/**
	 * The row a claim updates. Two instances adding it at once fail one of them with a
	 * duplicate key, which the caller takes outside its transaction (PostgreSQL aborts a
	 * transaction at the first error).
	 */
	void ensureRow(UUID programme) {
		jdbc.sql("""
				insert into programme_retention (programme_id)
				select ? from programme where id = ?
				   and not exists (select 1 from programme_retention where programme_id = ?)""")
			.params(programme, programme, programme)
			.update();
	}

	/** True for the one instance that takes the programme until {@code leaseUntil}. */
	boolean claim(UUID programme, Instant now, Instant leaseUntil) {
		return jdbc.sql("""
				update programme_retention set lease_until = ?
				 where programme_id = ? and anonymised_at is null and (lease_until is null or lease_until < ?)""")
			.params(at(leaseUntil), programme, at(now))
			.update() == 1;
	}

	void done(UUID programme, Instant now) {
		jdbc.sql("update programme_retention set anonymised_at = ?, lease_until = null where programme_id = ?")
			.params(at(now), programme)
			.update();
	}

	/**
	 * Event publications kept (failed, or completed where completion does not delete
	 * them) that are about the programme: they may carry its people's names and
	 * addresses.
	 */
	int deleteEvents(UUID programme) {
		return jdbc.sql("""
				delete from event_publication
				 where (completion_date is not null or status = 'FAILED') and serialized_event like ?""")
			.param("%" + programme + "%")
			.update();
	}

	long events(UUID programme) {
		return jdbc.sql("""
				select count(*) from event_publication
				 where (completion_date is not null or status = 'FAILED') and serialized_event like ?""")
			.param("%" + programme + "%")
			.query(Long.class)
			.single();
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
