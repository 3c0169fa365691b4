package app.kindred.assessment.internal;

import static app.kindred.assessment.internal.CourseStore.at;
import static app.kindred.assessment.internal.CourseStore.instant;
import java.time.OffsetDateTime;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/** A mentor's own objectives. Callers own the transactions. */
@Repository
class ObjectiveStore {

	private final JdbcClient jdbc;

	ObjectiveStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Objective> objectives(ProgrammeId programme, AccountId mentor) {
		return jdbc.sql("""
				select id, position, outcome_id, text, updated_at from objective
				where programme_id = ? and account_id = ? order by position""")
			.params(programme.value(), mentor.value())
			.query((rs, n) -> new Objective(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, UUID.class),
					rs.getString(4), instant(rs, 5)))
			.list();
	}

	/**
	 * Replaces the list position by position: an objective keeps its id where a text
	 * stands in its place, so anything that names it (a rating) still finds it; only the
	 * dropped tail is deleted. Unchanged objectives keep their time.
	 */
	void replace(ProgrammeId programme, AccountId mentor, List<Objective.Draft> drafts, Instant now) {
		var existing = objectives(programme, mentor);
		for (int i = 0; i < drafts.size(); i++) {
			var draft = drafts.get(i);
			if (i < existing.size()) {
				var old = existing.get(i);
				if (!old.text().equals(draft.text()) || !Objects.equals(old.outcome(), draft.outcome())) {
					jdbc.sql("update objective set text = ?, outcome_id = ?, updated_at = ? where id = ?")
						.params(draft.text(), draft.outcome(), at(now), old.id())
						.update();
				}
			}
			else {
				jdbc.sql("""
						insert into objective (id, programme_id, account_id, position, outcome_id, text, updated_at)
						values (?, ?, ?, ?, ?, ?, ?)""")
					.params(UUID.randomUUID(), programme.value(), mentor.value(), i + 1, draft.outcome(), draft.text(),
							at(now))
					.update();
			}
		}
		for (int i = drafts.size(); i < existing.size(); i++) {
			jdbc.sql("delete from objective where id = ?").param(existing.get(i).id()).update();
		}
	}

	/** One of the person's objectives, for their own data. */
	record OwnObjective(UUID programmeId, int position, String outcome, String text, OffsetDateTime updatedAt) {
	}

	/**
	 * The person's objectives in every course, the outcome named in the language given.
	 */
	List<OwnObjective> objectivesOf(AccountId account, String language) {
		return jdbc.sql("""
				select o.programme_id, o.position, %s as outcome, o.text, o.updated_at
				  from objective o where o.account_id = ? order by o.programme_id, o.position""".formatted(OUTCOME))
			.params(language, account.value())
			.query(OwnObjective.class)
			.list();
	}

	private static final String OUTCOME = """
			(select t.text from course_item_text t where t.item_id = o.outcome_id
				        order by case when t.language = ? then 0 else 1 end, t.language fetch first 1 rows only)""";

}
