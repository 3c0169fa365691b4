package app.kindred.core.events;

import java.util.Optional;
import java.util.UUID;

/**
 * The event publication the listener running on this thread works on, set around every
 * {@code @ApplicationModuleListener} invocation by {@link PublicationTracking}. A
 * listener that records something per publication (the notification module's outgoing
 * mail) keys it by this id and a {@link #sequence()} number, so that when the listener is
 * run again for the same publication (after a crash between its commit and the
 * publication's completion) it can see that it already did its work.
 */
public final class CurrentPublication {

	private static final ThreadLocal<Invocation> CURRENT = new ThreadLocal<>();

	private CurrentPublication() {
	}

	/** The publication's id; empty outside a tracked listener invocation. */
	public static Optional<UUID> id() {
		var invocation = CURRENT.get();
		return invocation == null ? Optional.empty() : Optional.ofNullable(invocation.publication);
	}

	/** 0, 1, 2 ... on each call within one listener invocation (0 outside one). */
	public static int sequence() {
		var invocation = CURRENT.get();
		return invocation == null ? 0 : invocation.next++;
	}

	static Invocation enter(UUID publication) {
		var previous = CURRENT.get();
		CURRENT.set(new Invocation(publication));
		return previous;
	}

	static void leave(Invocation previous) {
		if (previous == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(previous);
		}
	}

	static final class Invocation {

		private final UUID publication;

		private int next;

		private Invocation(UUID publication) {
			this.publication = publication;
		}

	}

}
