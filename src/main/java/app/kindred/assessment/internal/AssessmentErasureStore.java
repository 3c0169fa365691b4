package app.kindred.assessment.internal;

import static app.kindred.core.PersonalDataEraser.replaceIn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of forgetting a mentor's credit course work. */
@Repository
class AssessmentErasureStore {

	private final JdbcClient jdbc;

	AssessmentErasureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Objectives, diary, workload, readings and evaluations are the person's and go, with
	 * the teachers' decisions about them (kept until exported, by the hold). Others'
	 * diary entries and evaluations lose the person's name.
	 */
	void erase(UUID account, String name, String email) {
		jdbc.sql("delete from objective where account_id = ?").param(account).update();
		jdbc.sql("delete from diary_entry where account_id = ?").param(account).update();
		jdbc.sql("delete from diary_reading where reader_id = ?").param(account).update();
		jdbc.sql("delete from diary_submission where account_id = ?").param(account).update();
		jdbc.sql("delete from workload_entry where account_id = ?").param(account).update();
		jdbc.sql("delete from self_evaluation where account_id = ?").param(account).update();
		jdbc.sql("delete from peer_evaluation where author_id = ? or subject_id = ?").params(account, account).update();
		jdbc.sql("delete from assessment_decision where account_id = ?").param(account).update();
		jdbc.sql("delete from reading_done where account_id = ?").param(account).update();
		jdbc.sql("delete from course_reminder_claim where account_id = ?").param(account).update();
		replaceIn(jdbc, "diary_version", "text", name, email);
		replaceIn(jdbc, "peer_evaluation", "text", name, email);
		replaceIn(jdbc, "assessment_decision", "justification", name, email);
	}

	/** Programmes where the person's latest pass or fail has not been exported. */
	long unexported(UUID account) {
		return jdbc.sql("""
				select count(*) from assessment_decision d where d.account_id = ? and d.export_id is null
				   and not exists (select 1 from assessment_decision l where l.programme_id = d.programme_id
				                     and l.account_id = d.account_id and l.decided_at > d.decided_at)""")
			.param(account)
			.query(Long.class)
			.single();
	}

	Map<String, Long> counts(UUID programme) {
		var counts = new LinkedHashMap<String, Long>();
		counts.put("erasure.item.objectives",
				count("select count(*) from objective where programme_id = ?", programme));
		counts.put("erasure.item.diaryEntries",
				count("select count(*) from diary_entry where programme_id = ?", programme));
		counts.put("erasure.item.workload",
				count("select count(*) from workload_entry where programme_id = ?", programme));
		counts.put("erasure.item.selfEvaluations",
				count("select count(*) from self_evaluation where programme_id = ?", programme));
		counts.put("erasure.item.peerEvaluations",
				count("select count(*) from peer_evaluation where programme_id = ?", programme));
		counts.put("erasure.item.justifications", count(
				"select count(*) from assessment_decision where programme_id = ? and justification <> ''", programme));
		return counts;
	}

	/**
	 * The work goes; the decisions stay (pass or fail counted in the exports) without
	 * their justification.
	 */
	void anonymise(UUID programme) {
		jdbc.sql("delete from objective where programme_id = ?").param(programme).update();
		jdbc.sql("delete from diary_entry where programme_id = ?").param(programme).update();
		jdbc.sql("delete from diary_submission where programme_id = ?").param(programme).update();
		jdbc.sql("delete from workload_entry where programme_id = ?").param(programme).update();
		jdbc.sql("delete from self_evaluation where programme_id = ?").param(programme).update();
		jdbc.sql("delete from peer_evaluation where programme_id = ?").param(programme).update();
		jdbc.sql("delete from reading_done where reading_id in (select id from reading where programme_id = ?)")
			.param(programme)
			.update();
		jdbc.sql("delete from course_reminder_claim where programme_id = ?").param(programme).update();
		jdbc.sql("update assessment_decision set justification = '' where programme_id = ?").param(programme).update();
	}

	private long count(String sql, UUID programme) {
		return jdbc.sql(sql).param(programme).query(Long.class).single();
	}

}
