package app.kindred.recruitment.internal;

import static app.kindred.core.PersonalDataEraser.replaceIn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of forgetting applicants while their applications keep counting. */
@Repository
class RecruitmentErasureStore {

	private final JdbcClient jdbc;

	RecruitmentErasureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The person's answers go; their application rows stay (pointing at the anonymised
	 * account) so a seat taken stays taken and the waiting list keeps its numbers.
	 * Others' answers (a wished co-mentor) lose the person's name and address.
	 */
	void erase(UUID account, String email, String name) {
		jdbc.sql("""
				update application set answers = null, motivation = null, experience = null, department = null
				 where account_id = ?""").param(account).update();
		jdbc.sql("""
				update application_audit set reason = ''
				 where application_id in (select id from application where account_id = ?)""").param(account).update();
		for (var column : new String[] { "answers", "motivation", "experience" }) {
			replaceIn(jdbc, "application", column, name, email);
		}
		replaceIn(jdbc, "application_audit", "reason", name, email);
	}

	Map<String, Long> counts(UUID programme) {
		var counts = new LinkedHashMap<String, Long>();
		counts.put("erasure.item.answers",
				count("""
						select count(*) from application where programme_id = ?
						   and (answers is not null or motivation is not null or experience is not null or department is not null)""",
						programme));
		counts.put("erasure.item.decisionReasons", count("""
				select count(*) from application_audit where reason <> ''
				   and application_id in (select id from application where programme_id = ?)""", programme));
		return counts;
	}

	private long count(String sql, UUID programme) {
		return jdbc.sql(sql).param(programme).query(Long.class).single();
	}

	void anonymise(UUID programme) {
		jdbc.sql("""
				update application set answers = null, motivation = null, experience = null, department = null
				 where programme_id = ?""").param(programme).update();
		jdbc.sql("""
				update application_audit set reason = ''
				 where application_id in (select id from application where programme_id = ?)""")
			.param(programme)
			.update();
	}

}
