package app.kindred.certificate.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.certificate.CertificateKind;
import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;
import app.kindred.programme.ProgrammeId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Certificates as issued, with what they certify as a JSON document. Callers own the
 * transactions; issuing takes {@link #lockProgramme} first, so that two coordinators (or
 * two instances) issuing at once never both issue one holder's certificate, and the
 * unique constraint on the one in force stands behind it.
 */
@Repository
public class CertificateStore {

	private static final String COLUMNS = """
			id, code, programme_id, organisation_id, holder_id, kind, content, issued_at, issued_by, override_reason,
			revoked_at, revoked_by, revoke_reason""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	CertificateStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Locks the programme's row until the transaction ends: issuing and revoking in one
	 * programme take turns, across instances.
	 */
	public void lockProgramme(ProgrammeId programme) {
		jdbc.sql("select id from programme where id = ? for update").param(programme.value()).query(UUID.class).list();
	}

	public void insert(Certificate c) {
		jdbc.sql("""
				insert into certificate (id, code, programme_id, organisation_id, holder_id, kind, in_force, content,
				                         issued_at, issued_by, override_reason)
				values (?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?)""")
			.params(c.id(), c.code(), c.programme().value(), c.organisation().value(), c.holder().value(),
					c.kind().name(), json.writeValueAsString(c.content()), at(c.issuedAt()),
					c.issuedBy() == null ? null : c.issuedBy().value(), c.overrideReason())
			.update();
	}

	/**
	 * Marks the certificate revoked; false when it was revoked already (or is not there).
	 */
	public boolean revoke(UUID id, AccountId by, Instant at, String reason) {
		return jdbc.sql("""
				update certificate set in_force = null, revoked_at = ?, revoked_by = ?, revoke_reason = ?
				where id = ? and in_force = true""").params(at(at), by.value(), reason, id).update() == 1;
	}

	/** The certificate in force of this holder, programme and kind, if one is. */
	public Optional<Certificate> inForce(ProgrammeId programme, AccountId holder, CertificateKind kind) {
		return jdbc
			.sql("select " + COLUMNS
					+ " from certificate where programme_id = ? and holder_id = ? and kind = ? and in_force = true")
			.params(programme.value(), holder.value(), kind.name())
			.query(this::row)
			.optional();
	}

	/** The certificate with this code (as stored, without hyphens), revoked or not. */
	public Optional<Certificate> byCode(String code) {
		return jdbc.sql("select " + COLUMNS + " from certificate where code = ?")
			.param(code)
			.query(this::row)
			.optional();
	}

	public Optional<Certificate> byId(UUID id) {
		return jdbc.sql("select " + COLUMNS + " from certificate where id = ?").param(id).query(this::row).optional();
	}

	/** Every certificate of the holder, revoked ones too, the newest first. */
	public List<Certificate> ofHolder(AccountId holder) {
		return jdbc.sql("select " + COLUMNS + " from certificate where holder_id = ? order by issued_at desc, id")
			.param(holder.value())
			.query(this::row)
			.list();
	}

	/** Every certificate of the programme, revoked ones too, in the order issued. */
	public List<Certificate> ofProgramme(ProgrammeId programme) {
		return jdbc.sql("select " + COLUMNS + " from certificate where programme_id = ? order by issued_at, id")
			.param(programme.value())
			.query(this::row)
			.list();
	}

	private Certificate row(ResultSet rs, int n) throws SQLException {
		return new Certificate(rs.getObject("id", UUID.class), rs.getString("code"),
				new ProgrammeId(rs.getObject("programme_id", UUID.class)),
				new OrganisationId(rs.getObject("organisation_id", UUID.class)),
				new AccountId(rs.getObject("holder_id", UUID.class)), CertificateKind.valueOf(rs.getString("kind")),
				json.readValue(rs.getString("content"), CertificateContent.class), instant(rs, "issued_at"),
				account(rs, "issued_by"), rs.getString("override_reason"), instant(rs, "revoked_at"),
				account(rs, "revoked_by"), rs.getString("revoke_reason"));
	}

	private static AccountId account(ResultSet rs, String column) throws SQLException {
		var id = rs.getObject(column, UUID.class);
		return id == null ? null : new AccountId(id);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

}
