package app.kindred.training.internal;

import static app.kindred.core.PersonalDataEraser.replaceIn;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of forgetting a mentor's training record while attendance keeps counting. */
@Repository
class TrainingErasureStore {

	private final JdbcClient jdbc;

	TrainingErasureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Attendance and absences stay, pointing at the anonymised account, so a session's
	 * count is right; the reason someone was found ready or not is about them and goes.
	 */
	void erase(UUID account, String name, String email) {
		jdbc.sql("update readiness_override set reason = '' where account_id = ?").param(account).update();
		replaceIn(jdbc, "readiness_override", "reason", name, email);
	}

	Map<String, Long> counts(UUID programme) {
		return Map.of("erasure.item.readinessReasons",
				count("select count(*) from readiness_override where programme_id = ? and reason <> ''", programme));
	}

	void anonymise(UUID programme) {
		jdbc.sql("update readiness_override set reason = '' where programme_id = ?").param(programme).update();
	}

	private long count(String sql, UUID programme) {
		return jdbc.sql(sql).param(programme).query(Long.class).single();
	}

}
