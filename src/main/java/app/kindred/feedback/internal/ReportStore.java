package app.kindred.feedback.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What reports read besides the answers: how many each survey invited, and the quotes a
 * coordinator chose. Callers own the transactions.
 */
@Repository
public class ReportStore {

	private final JdbcClient jdbc;

	ReportStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** How many people each of these surveys invited. */
	public Map<UUID, Integer> invited(List<UUID> surveys) {
		var counts = new HashMap<UUID, Integer>();
		if (surveys.isEmpty()) {
			return counts;
		}
		record Count(UUID surveyId, int n) {
		}
		jdbc.sql("select survey_id, count(*) as n from survey_invitation where survey_id in (:ids) group by survey_id")
			.param("ids", surveys)
			.query(Count.class)
			.list()
			.forEach(c -> counts.put(c.surveyId(), c.n()));
		return counts;
	}

	/**
	 * Marks {@code chosen} quoted and the rest of {@code offered} not, among quotable
	 * items only.
	 */
	public void quote(Collection<UUID> offered, Collection<UUID> chosen) {
		if (!offered.isEmpty()) {
			jdbc.sql("update survey_item set quoted = false where id in (:ids) and quotable = true")
				.param("ids", offered)
				.update();
		}
		if (!chosen.isEmpty()) {
			jdbc.sql("update survey_item set quoted = true where id in (:ids) and quotable = true")
				.param("ids", chosen)
				.update();
		}
	}

}
