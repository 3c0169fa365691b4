package app.kindred.certificate.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lookups on the public verification page per client (the address sign-in throttling and
 * mail limits count by, see README "Configuration"), so that nobody can walk through
 * codes. Every lookup counts before the code is even read, found or not, so a client
 * learns nothing from when the limit strikes.
 */
@Component
class VerificationThrottle {

	/** The client column's length; an address never comes near it. */
	private static final int CLIENT_LENGTH = 64;

	private final VerificationThrottleStore store;

	private final VerificationSettings settings;

	private final Clock clock;

	VerificationThrottle(VerificationThrottleStore store, VerificationSettings settings, Clock clock) {
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Counts one lookup by this client. Empty when it may go ahead; otherwise how long
	 * until its window ends, and nothing is counted.
	 */
	Optional<Duration> take(String client) {
		var key = client.length() <= CLIENT_LENGTH ? client : client.substring(0, CLIENT_LENGTH);
		var now = clock.instant();
		var open = now.minus(settings.window());
		// Three rounds cover a row made by another request between this one's update and
		// insert; a fourth can only be a row deleted and made again meanwhile
		for (int attempt = 0; attempt < 3; attempt++) {
			if (store.count(key, now, open, settings.lookups()) || store.first(key, now)) {
				return Optional.empty();
			}
			var since = store.exhaustedSince(key, open, settings.lookups());
			if (since.isPresent()) {
				var wait = Duration.between(now, since.get().plus(settings.window()));
				return Optional.of(wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
			}
		}
		return Optional.of(settings.window());
	}

	@Scheduled(fixedDelay = 10, timeUnit = TimeUnit.MINUTES, initialDelay = 10)
	void forgetOld() {
		store.forgetBefore(clock.instant().minus(settings.window()));
	}

}
