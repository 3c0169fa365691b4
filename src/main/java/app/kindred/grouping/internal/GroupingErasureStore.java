package app.kindred.grouping.internal;

import static app.kindred.core.PersonalDataEraser.replaceIn;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of forgetting a person in group formation. */
@Repository
class GroupingErasureStore {

	private final JdbcClient jdbc;

	GroupingErasureStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Group membership stays (a group's size counts), pointing at the anonymised account;
	 * a stored proposal may name the person and loses the name.
	 */
	void erase(UUID account, String name, String email) {
		jdbc.sql("delete from group_pin where account_id = ?").param(account).update();
		replaceIn(jdbc, "group_proposal", "result", name, email);
	}

	Map<String, Long> counts(UUID programme) {
		return Map.of("erasure.item.proposals",
				count("select count(*) from group_proposal where programme_id = ?", programme));
	}

	/** Once the programme is over, the solver's proposal is of no further use. */
	void anonymise(UUID programme) {
		jdbc.sql("delete from group_proposal where programme_id = ?").param(programme).update();
		jdbc.sql("delete from group_pin where programme_id = ?").param(programme).update();
	}

	private long count(String sql, UUID programme) {
		return jdbc.sql(sql).param(programme).query(Long.class).single();
	}

}
