package app.kindred.assessment.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One of a mentor's own learning objectives, in the order they wrote them, optionally
 * against one of the course's learning outcomes.
 */
public record Objective(UUID id, int position, UUID outcome, String text, Instant updatedAt) {

	/** At least this many objectives, at most {@link #MOST}. */
	public static final int FEWEST = 2;

	public static final int MOST = 4;

	public static final int TEXT_MIN = 10;

	public static final int TEXT_MAX = 1000;

	/** An objective as the mentor typed it, before it is stored. */
	public record Draft(String text, UUID outcome) {
	}

}
