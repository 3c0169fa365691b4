package app.kindred.notification.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of forgetting mail to and about a person. */
@Repository
class NotificationErasureStore {

	static final String ERASED = "Erased person";

	private final JdbcClient jdbc;

	NotificationErasureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Mail to the person goes; mail to others loses the person's name and address. */
	void erase(UUID account, String name, String email) {
		jdbc.sql("delete from outgoing_mail where lower(recipient) = ?").param(email).update();
		replace("outgoing_mail", "subject", name, email);
		replace("outgoing_mail", "body", name, email);
	}

	Map<String, Long> counts(UUID programme) {
		return Map.of();
	}

	/**
	 * Outgoing mail is kept only days (kindred.mail.retention), never to a programme's
	 * end.
	 */
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
