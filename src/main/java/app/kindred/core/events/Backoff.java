package app.kindred.core.events;

import java.time.Duration;

/** Exponential backoff: first, 2 x first, 4 x first ... at most max. */
public final class Backoff {

	private Backoff() {
	}

	public static Duration after(int attempts, Duration first, Duration max) {
		var doublings = Math.max(0, Math.min(attempts - 1, 30));
		var wait = first.multipliedBy(1L << doublings);
		return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
	}

}
