package app.kindred.announcement.internal;

import static app.kindred.core.PersonalDataEraser.replaceIn;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of forgetting who was sent an announcement. */
@Repository
class AnnouncementErasureStore {

	private final JdbcClient jdbc;

	AnnouncementErasureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** announcement.reached keeps the count; the rows saying whom it reached go. */
	void erase(UUID account, String name, String email) {
		jdbc.sql("delete from announcement_recipient where account_id = ?").param(account).update();
		replaceIn(jdbc, "announcement_text", "body", name, email);
		replaceIn(jdbc, "announcement_text", "subject", name, email);
	}

	Map<String, Long> counts(UUID programme) {
		return Map.of("erasure.item.announcementRecipients", count("""
				select count(*) from announcement_recipient
				 where announcement_id in (select id from announcement where programme_id = ?)""", programme));
	}

	void anonymise(UUID programme) {
		jdbc.sql("""
				delete from announcement_recipient
				 where announcement_id in (select id from announcement where programme_id = ?)""")
			.param(programme)
			.update();
	}

	private long count(String sql, UUID programme) {
		return jdbc.sql(sql).param(programme).query(Long.class).single();
	}

}
