package app.kindred.notification.internal;

import static app.kindred.core.PersonalDataEraser.replaceIn;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of forgetting mail to and about a person. */
@Repository
class NotificationErasureStore {

	private final JdbcClient jdbc;

	NotificationErasureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Mail to the person goes; mail to others loses the person's name and address. */
	void erase(UUID account, String name, String email) {
		jdbc.sql("delete from outgoing_mail where lower(recipient) = ?").param(email).update();
		replaceIn(jdbc, "outgoing_mail", "subject", name, email);
		replaceIn(jdbc, "outgoing_mail", "body", name, email);
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

}
