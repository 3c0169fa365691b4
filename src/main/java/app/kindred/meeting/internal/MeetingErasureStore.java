package app.kindred.meeting.internal;

import static app.kindred.core.PersonalDataEraser.replaceIn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of forgetting a person in the groups' meetings. */
@Repository
class MeetingErasureStore {

	private final JdbcClient jdbc;

	MeetingErasureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Attendance stays for the counts. What the person wrote last in the workspace is
	 * blanked (the pair's note is theirs); others' notes and attention requests lose the
	 * person's name. Their private calendar feed goes.
	 */
	void erase(UUID account, String name, String email) {
		jdbc.sql("update meeting_writing set text = '' where edited_by = ?").param(account).update();
		jdbc.sql("update group_attention set note = null where raised_by = ?").param(account).update();
		replaceIn(jdbc, "meeting_writing", "text", name, email);
		replaceIn(jdbc, "group_attention", "note", name, email);
		jdbc.sql("delete from calendar_feed where account_id = ?").param(account).update();
	}

	Map<String, Long> counts(UUID programme) {
		var counts = new LinkedHashMap<String, Long>();
		counts.put("erasure.item.workspaceNotes", count("""
				select count(*) from meeting_writing where text <> ''
				   and meeting_id in (select id from meeting where programme_id = ?)""", programme));
		counts.put("erasure.item.attentionNotes",
				count("select count(*) from group_attention where programme_id = ? and note is not null", programme));
		return counts;
	}

	void anonymise(UUID programme) {
		jdbc.sql(
				"update meeting_writing set text = '' where meeting_id in (select id from meeting where programme_id = ?)")
			.param(programme)
			.update();
		jdbc.sql("update group_attention set note = null where programme_id = ?").param(programme).update();
	}

	private long count(String sql, UUID programme) {
		return jdbc.sql(sql).param(programme).query(Long.class).single();
	}

}
