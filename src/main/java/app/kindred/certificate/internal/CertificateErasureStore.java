package app.kindred.certificate.internal;

import static app.kindred.core.PersonalDataEraser.replaceIn;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of forgetting a certificate's holder. */
@Repository
class CertificateErasureStore {

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
		replaceIn(jdbc, "certificate", "content", name, email);
		replaceIn(jdbc, "certificate", "revoke_reason", name, email);
		replaceIn(jdbc, "certificate", "override_reason", name, email);
	}

	Map<String, Long> counts(UUID programme) {
		return Map.of();
	}

	void anonymise(UUID programme) {
	}

}
