package app.kindred.assessment.internal;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A mentor's self-evaluation as submitted, once: a rating per learning outcome and per
 * own objective (by their ids) and a written reflection.
 */
public record SelfEvaluation(String reflection, Instant submittedAt, Map<UUID, Integer> ratings) {

	public static final int REFLECTION_MIN = 50;

	public static final int REFLECTION_MAX = 10000;

	public SelfEvaluation {
		ratings = Map.copyOf(ratings);
	}

	/** The rating given for an outcome or objective, or null. */
	public Integer rating(UUID subject) {
		return ratings.get(subject);
	}

}
