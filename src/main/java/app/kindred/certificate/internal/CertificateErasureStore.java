package app.kindred.certificate.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of forgetting a certificate's holder. */
@Repository
class CertificateErasureStore {

	static final String ERASED = "Erased person";

	private final JdbcClient jdbc;

	CertificateErasureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The person's certificates are revoked (a verification no longer confirms anyone)
	 * and lose the holder's name; their rows stay, so codes are never given twice.
	 */
	void erase(UUID account, String name, String email) {
		jdbc.sql("""
				update certificate set in_force = null, revoked_at = current_timestamp, revoke_reason = ''
				 where holder_id = ? and in_force = true""").param(account).update();
		jdbc.sql("update certificate set override_reason = null where holder_id = ?").param(account).update();
		replace("certificate", "content", name, email);
		replace("certificate", "revoke_reason", name, email);
		replace("certificate", "override_reason", name, email);
	}

	Map<String, Long> counts(UUID programme) {
		return Map.of();
	}

	void anonymise(UUID programme) {
	}

	private long count(String sql, UUID programme) {
		return jdbc.sql(sql).param(programme).query(Long.class).single();
	}

	/** Replaces the person's name and address in text others wrote. */
	private void replace(String table, String column, String name, String email) {
		jdbc.sql("update " + table + " set " + column + " = replace(replace(" + column + ", ?, ?), ?, ?) where "
				+ column + " like ? or " + column + " like ?")
			.params(name, ERASED, email, ERASED, "%" + name + "%", "%" + email + "%")
			.update();
	}

}
