package app.kindred.assessment.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.kindred.identity.AccountId;

/**
 * One mentor's submitted evaluation of a co-mentor: a rating per question and a written
 * part. Final once submitted.
 */
public record PeerEvaluation(UUID id, UUID group, AccountId author, AccountId subject, String text, Instant submittedAt,
		Map<PeerQuestion, Integer> ratings) {

	public PeerEvaluation {
		ratings = Map.copyOf(ratings);
	}

	/** The questions in their order, for showing the ratings. */
	public List<PeerQuestion> questions() {
		return List.of(PeerQuestion.values());
	}

	public Integer rating(PeerQuestion question) {
		return ratings.get(question);
	}

	/**
	 * Whether its subject (and the teachers) may read it: once the subject has submitted
	 * theirs of the author, or the deadline has passed. Until then neither reads the
	 * other's, so neither is written in answer to the other's. {@code known} must hold
	 * every evaluation the subject wrote in the programme.
	 */
	public boolean revealed(Collection<PeerEvaluation> known, Instant due, Instant now) {
		return now.isAfter(due)
				|| known.stream().anyMatch(e -> e.author().equals(subject) && e.subject().equals(author));
	}

}
