package app.kindred.assessment.internal;

import static app.kindred.assessment.internal.CourseStore.at;
import static app.kindred.assessment.internal.CourseStore.instant;
import java.time.OffsetDateTime;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * Peer evaluations with their ratings. The table's unique key (programme, author,
 * subject) keeps one per author and subject even when two submits race. Callers own the
 * transactions.
 */
@Repository
class PeerEvaluationStore {

	private final JdbcClient jdbc;

	PeerEvaluationStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Every evaluation the person wrote or is the subject of, oldest first: all that the
	 * reveal rule needs about them.
	 */
	List<PeerEvaluation> involving(ProgrammeId programme, AccountId person) {
		var found = new LinkedHashMap<UUID, PeerEvaluation>();
		var ratings = new LinkedHashMap<UUID, Map<PeerQuestion, Integer>>();
		jdbc.sql("""
				select e.id, e.group_id, e.author_id, e.subject_id, e.text, e.submitted_at, a.question, a.rating
				from peer_evaluation e left join peer_answer a on a.evaluation_id = e.id
				where e.programme_id = ? and (e.author_id = ? or e.subject_id = ?)
				order by e.submitted_at, e.id""")
			.params(programme.value(), person.value(), person.value())
			.query(rs -> {
				var id = rs.getObject(1, UUID.class);
				if (!found.containsKey(id)) {
					found.put(id, new PeerEvaluation(id, rs.getObject(2, UUID.class),
							new AccountId(rs.getObject(3, UUID.class)), new AccountId(rs.getObject(4, UUID.class)),
							rs.getString(5), instant(rs, 6), Map.of()));
					ratings.put(id, new EnumMap<>(PeerQuestion.class));
				}
				var question = rs.getString(7);
				if (question != null) {
					ratings.get(id).put(PeerQuestion.valueOf(question), rs.getInt(8));
				}
			});
		return found.values()
			.stream()
			.map(e -> new PeerEvaluation(e.id(), e.group(), e.author(), e.subject(), e.text(), e.submittedAt(),
					ratings.get(e.id())))
			.toList();
	}

	/**
	 * Stores a submitted evaluation; a second one by the same author of the same subject
	 * fails on the unique key.
	 */
	void insert(ProgrammeId programme, PeerEvaluation evaluation) {
		jdbc.sql("""
				insert into peer_evaluation (id, programme_id, group_id, author_id, subject_id, text, submitted_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(evaluation.id(), programme.value(), evaluation.group(), evaluation.author().value(),
					evaluation.subject().value(), evaluation.text(), at(evaluation.submittedAt()))
			.update();
		evaluation.ratings()
			.forEach((question, rating) -> jdbc
				.sql("insert into peer_answer (evaluation_id, question, rating) values (?, ?, ?)")
				.params(evaluation.id(), question.name(), rating)
				.update());
	}

	/**
	 * A peer evaluation the person wrote or received, for their own data (never the
	 * other's name).
	 */
	record OwnPeerEvaluation(UUID id, UUID programmeId, String text, OffsetDateTime submittedAt) {
	}

	/** A rating in a peer evaluation. */
	record OwnPeerAnswer(String question, int rating) {
	}

	List<OwnPeerEvaluation> writtenBy(AccountId account) {
		return jdbc.sql("""
				select id, programme_id, text, submitted_at from peer_evaluation where author_id = ?
				 order by submitted_at""").param(account.value()).query(OwnPeerEvaluation.class).list();
	}

	List<OwnPeerEvaluation> writtenAbout(AccountId account) {
		return jdbc.sql("""
				select id, programme_id, text, submitted_at from peer_evaluation where subject_id = ?
				 order by submitted_at""").param(account.value()).query(OwnPeerEvaluation.class).list();
	}

	List<OwnPeerAnswer> answersOf(UUID evaluation) {
		return jdbc.sql("select question, rating from peer_answer where evaluation_id = ? order by question")
			.param(evaluation)
			.query(OwnPeerAnswer.class)
			.list();
	}

}
