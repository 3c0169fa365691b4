package app.kindred.announcement.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of forgetting who was sent an announcement. */
@Repository
class AnnouncementErasureStore {

	static final String ERASED = "Erased person";

	private final JdbcClient jdbc;

	AnnouncementErasureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** announcement.reached keeps the count; the rows saying whom it reached go. */
	void erase(UUID account, String name, String email) {
		jdbc.sql("delete from announcement_recipient where account_id = ?").param(account).update();
		replace("announcement_text", "body", name, email);
		replace("announcement_text", "subject", name, email);
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

	/** Replaces the person's name and address in text others wrote. */
	private void replace(String table, String column, String name, String email) {
		jdbc.sql("update " + table + " set " + column + " = replace(replace(" + column + ", ?, ?), ?, ?) where "
				+ column + " like ? or " + column + " like ?")
			.params(name, ERASED, email, ERASED, "%" + name + "%", "%" + email + "%")
			.update();
	}

}
