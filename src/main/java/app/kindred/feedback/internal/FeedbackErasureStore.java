package app.kindred.feedback.internal;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of forgetting who was invited to a survey; the answers were never linked. */
@Repository
class FeedbackErasureStore {

	private final JdbcClient jdbc;

	FeedbackErasureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The invitation rows stay, pointing at the anonymised account, so a survey's
	 * response rate stays right; the links that could still answer go. survey_response
	 * and survey_item are never touched: nothing in them leads to a person.
	 */
	void erase(UUID account, String name, String email) {
		jdbc.sql("delete from survey_link where account_id = ?").param(account).update();
	}

	Map<String, Long> counts(UUID programme) {
		return Map.of("erasure.item.surveyLinks", count("""
				select count(*) from survey_link where survey_id in (select id from survey where programme_id = ?)""",
				programme));
	}

	void anonymise(UUID programme) {
		jdbc.sql("delete from survey_link where survey_id in (select id from survey where programme_id = ?)")
			.param(programme)
			.update();
	}

	private long count(String sql, UUID programme) {
		return jdbc.sql(sql).param(programme).query(Long.class).single();
	}

}
