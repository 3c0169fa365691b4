package org.springframework.modulith.events.core;

import java.util.Optional;
import java.util.UUID;

/**
 * Kindred's one reach into Spring Modulith's internals: which event publication a
 * listener invocation is working on.
 * <p>
 * The registry knows it (it keeps the publications in progress by event instance and
 * listener, to mark the right one completed or failed by its id), but offers no public
 * way to ask. Kindred needs the id so that a listener run again for the same publication
 * records its mail only once, while two publications of equal events (a group asking for
 * attention twice, say) still get a mail each: equal events serialise alike, so nothing
 * outside the registry tells them apart. This class lives in the registry's package to
 * use its package-private lookup; it is compiled against Spring Modulith 2.1, so an
 * upgrade that changes the lookup fails the build instead of silently losing the id.
 */
public final class PublicationsInProgressLookup {

	private PublicationsInProgressLookup() {
	}

	/**
	 * The publication of this event instance to this listener that the registry has in
	 * progress, if any.
	 */
	public static Optional<UUID> publicationId(Object registry, Object event, String listenerId) {
		if (!(registry instanceof DefaultEventPublicationRegistry defaultRegistry)) {
			return Optional.empty();
		}
		return defaultRegistry.getPublicationsInProgress()
			.getPublication(event, PublicationTargetIdentifier.of(listenerId))
			.map(TargetEventPublication::getIdentifier);
	}

}
