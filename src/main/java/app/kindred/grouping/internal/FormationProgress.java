package app.kindred.grouping.internal;

import java.time.Duration;

/**
 * What a running formation has reached so far: the best proposal's score and how many
 * participants it places, and how long it has run of the time it was given (zero when not
 * known).
 */
public record FormationProgress(String score, boolean feasible, int participantsPlaced, int participants,
		Duration elapsed, boolean finished, Duration timeLimit) {

	public FormationProgress(String score, boolean feasible, int participantsPlaced, int participants, Duration elapsed,
			boolean finished) {
		this(score, feasible, participantsPlaced, participants, elapsed, finished, Duration.ZERO);
	}

	FormationProgress withTimeLimit(Duration limit) {
		return new FormationProgress(score, feasible, participantsPlaced, participants, elapsed, finished, limit);
	}

	/** Seconds run so far, never past the time limit. */
	public long secondsRun() {
		var seconds = elapsed.toSeconds();
		return timeLimit.isZero() ? seconds : Math.min(seconds, timeLimit.toSeconds());
	}

}
