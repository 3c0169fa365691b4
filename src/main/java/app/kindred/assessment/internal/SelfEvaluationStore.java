package app.kindred.assessment.internal;

import static app.kindred.assessment.internal.CourseStore.at;
import static app.kindred.assessment.internal.CourseStore.instant;
import java.time.OffsetDateTime;
import java.util.List;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/** Self-evaluations and their ratings. Callers own the transactions. */
@Repository
class SelfEvaluationStore {

	private final JdbcClient jdbc;

	SelfEvaluationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Instant> submittedAt(ProgrammeId programme, AccountId mentor) {
		return jdbc.sql("select submitted_at from self_evaluation where programme_id = ? and account_id = ?")
			.params(programme.value(), mentor.value())
			.query((rs, n) -> instant(rs, 1))
			.optional();
	}

	Optional<SelfEvaluation> find(ProgrammeId programme, AccountId mentor) {
		var ratings = new HashMap<UUID, Integer>();
		jdbc.sql("select subject_id, rating from self_rating where programme_id = ? and account_id = ?")
			.params(programme.value(), mentor.value())
			.query(rs -> {
				ratings.put(rs.getObject(1, UUID.class), rs.getInt(2));
			});
		return jdbc
			.sql("select reflection, submitted_at from self_evaluation where programme_id = ? and account_id = ?")
			.params(programme.value(), mentor.value())
			.query((rs, n) -> new SelfEvaluation(rs.getString(1), instant(rs, 2), ratings))
			.optional();
	}

	/**
	 * Stores the evaluation; the primary key refuses a second one for the same mentor (a
	 * {@code DuplicateKeyException}), also when two arrive at once.
	 */
	void insert(ProgrammeId programme, AccountId mentor, SelfEvaluation evaluation) {
		jdbc.sql("""
				insert into self_evaluation (programme_id, account_id, reflection, submitted_at)
				values (?, ?, ?, ?)""")
			.params(programme.value(), mentor.value(), evaluation.reflection(), at(evaluation.submittedAt()))
			.update();
		for (Map.Entry<UUID, Integer> rating : evaluation.ratings().entrySet()) {
			jdbc.sql("insert into self_rating (programme_id, account_id, subject_id, rating) values (?, ?, ?, ?)")
				.params(programme.value(), mentor.value(), rating.getKey(), rating.getValue())
				.update();
		}
	}

	/** The person's self-evaluation in one course, for their own data. */
	record OwnEvaluation(UUID programmeId, String reflection, OffsetDateTime submittedAt) {
	}

	/** A rating in the person's self-evaluation, of an outcome or of an own objective. */
	record OwnRating(String subject, int rating) {
	}

	List<OwnEvaluation> evaluationsOf(AccountId account) {
		return jdbc.sql("select programme_id, reflection, submitted_at from self_evaluation where account_id = ?")
			.param(account.value())
			.query(OwnEvaluation.class)
			.list();
	}

	List<OwnRating> ratingsOf(AccountId account, UUID programme, String language) {
		return jdbc
			.sql("""
					select coalesce(%s, (select o.text from objective o where o.id = r.subject_id)) as subject, r.rating
					  from self_rating r where r.account_id = ? and r.programme_id = ? order by r.subject_id"""
				.formatted(SUBJECT))
			.params(language, account.value(), programme)
			.query(OwnRating.class)
			.list();
	}

	private static final String SUBJECT = """
			(select t.text from course_item_text t where t.item_id = r.subject_id
				        order by case when t.language = ? then 0 else 1 end, t.language fetch first 1 rows only)""";

}
