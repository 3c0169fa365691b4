package app.kindred.grouping.internal;

import java.time.Duration;

/**
 * What a running formation has reached so far: the best proposal's score and how many
 * participants it places.
 */
public record FormationProgress(String score, boolean feasible, int participantsPlaced, int participants,
		Duration elapsed, boolean finished) {
}
