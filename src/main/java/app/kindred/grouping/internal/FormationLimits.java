package app.kindred.grouping.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a run may take: at most {@code timeLimit} in all, and it stops sooner when the
 * best proposal has not improved for {@code unimprovedLimit} (null: never sooner).
 */
public record FormationLimits(Duration timeLimit, Duration unimprovedLimit) {

	public FormationLimits {
		Objects.requireNonNull(timeLimit, "timeLimit");
	}

	public static FormationLimits of(Duration timeLimit) {
		return new FormationLimits(timeLimit, null);
	}
}
