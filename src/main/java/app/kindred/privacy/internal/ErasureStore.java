package app.kindred.privacy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.core.PersonalDataEraser;

/** Erasure requests, the organisations' privacy settings and the scrubbing of events. */
@Repository
public class ErasureStore {

	/** Without a row of settings: a year after the programme's end. */
	public static final int DEFAULT_MONTHS = 12;

	private final JdbcClient jdbc;

	ErasureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public enum Status {

		OPEN, ERASED, REFUSED, WITHDRAWN

	}

	public record Request(UUID id, UUID account, Instant askedAt, Status status, UUID decidedBy, Instant decidedAt,
			String reason) {

		public boolean open() {
			return status == Status.OPEN;
		}

	}

	public record Settings(int retentionMonths, Set<String> waivedHolds) {
	}

	private static final String COLUMNS = "id, account_id, asked_at, status, decided_by, decided_at, reason";

	private static Request request(ResultSet rs, int n) throws SQLException {
		return new Request(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
				rs.getObject(3, OffsetDateTime.class).toInstant(), Status.valueOf(rs.getString(4)),
				rs.getObject(5, UUID.class), instant(rs, 6), rs.getString(7));
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		var at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

	/** Fails on the unique open_account when the person has an open request already. */
	void insert(UUID id, UUID account, Instant now, Collection<UUID> organisations) {
		jdbc.sql("""
				insert into erasure_request (id, account_id, asked_at, status, open_account)
				values (?, ?, ?, 'OPEN', ?)""").params(id, account, now.atOffset(ZoneOffset.UTC), account).update();
		for (var organisation : organisations) {
			jdbc.sql("insert into erasure_request_organisation (request_id, organisation_id) values (?, ?)")
				.params(id, organisation)
				.update();
		}
	}

	Optional<Request> find(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from erasure_request where id = ?")
			.param(id)
			.query(ErasureStore::request)
			.optional();
	}

	/** Every request the person made, newest first, for their own data. */
	List<Request> allOf(UUID account) {
		return jdbc.sql("select " + COLUMNS + " from erasure_request where account_id = ? order by asked_at desc")
			.param(account)
			.query(ErasureStore::request)
			.list();
	}

	/** The person's latest request, open or not. */
	Optional<Request> latestOf(UUID account) {
		return allOf(account).stream().findFirst();
	}

	List<Request> openFor(UUID organisation) {
		return jdbc.sql("select " + COLUMNS + " from erasure_request where status = 'OPEN' and id in "
				+ "(select request_id from erasure_request_organisation where organisation_id = ?) order by asked_at")
			.param(organisation)
			.query(ErasureStore::request)
			.list();
	}

	long openCount(UUID organisation) {
		return jdbc.sql("""
				select count(*) from erasure_request r join erasure_request_organisation o on o.request_id = r.id
				 where r.status = 'OPEN' and o.organisation_id = ?""").param(organisation).query(Long.class).single();
	}

	boolean concerns(UUID request, UUID organisation) {
		return jdbc
			.sql("select count(*) from erasure_request_organisation where request_id = ? and organisation_id = ?")
			.params(request, organisation)
			.query(Long.class)
			.single() > 0;
	}

	/** Closes an open request; false when it was no longer open (decided meanwhile). */
	boolean close(UUID id, Status status, UUID by, Instant at, String reason) {
		return jdbc.sql("""
				update erasure_request set status = ?, decided_by = ?, decided_at = ?, reason = ?, open_account = null
				 where id = ? and status = 'OPEN'""")
			.params(status.name(), by, at.atOffset(ZoneOffset.UTC), reason, id)
			.update() == 1;
	}

	Settings settings(UUID organisation) {
		return jdbc.sql("select retention_months, waived_holds from privacy_settings where organisation_id = ?")
			.param(organisation)
			.query((rs, n) -> new Settings(rs.getInt(1), kinds(rs.getString(2))))
			.optional()
			.orElse(new Settings(DEFAULT_MONTHS, Set.of()));
	}

	void save(UUID organisation, Settings settings, UUID by, Instant now) {
		var waived = String.join(",", new TreeSet<>(settings.waivedHolds()));
		var at = now.atOffset(ZoneOffset.UTC);
		int updated = jdbc.sql("""
				update privacy_settings set retention_months = ?, waived_holds = ?, updated_by = ?, updated_at = ?
				 where organisation_id = ?""")
			.params(settings.retentionMonths(), waived, by, at, organisation)
			.update();
		if (updated == 0) {
			jdbc.sql(
					"""
							insert into privacy_settings (organisation_id, retention_months, waived_holds, updated_by, updated_at)
							values (?, ?, ?, ?, ?)""")
				.params(organisation, settings.retentionMonths(), waived, by, at)
				.update();
		}
	}

	private static Set<String> kinds(String stored) {
		return Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).collect(Collectors.toSet());
	}

	/**
	 * Event publications still kept (failed or not yet done) that carry the person's name
	 * or address lose them: the event stays valid JSON and is still delivered, to others.
	 */
	void scrubEvents(String name, String email) {
		PersonalDataEraser.replaceIn(jdbc, "event_publication", "serialized_event", name, email);
	}

}
