package app.kindred.core.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How event publications whose listener failed, or whose instance went away, are retried.
 *
 * @param every how often each instance looks for publications to retry
 * @param lease how long a publication being processed belongs to the instance processing
 * it; after that, without a completion or failure, it counts as abandoned (its instance
 * died) and another instance may claim it. Far longer than any listener takes, since a
 * listener only composes and records.
 * @param retryFirst the wait before a failed publication's first retry; it doubles with
 * every further attempt
 * @param retryMax the longest wait between retries
 */
@ConfigurationProperties("kindred.events")
public record PublicationSettings(@DefaultValue("PT30S") Duration every, @DefaultValue("PT5M") Duration lease,
		@DefaultValue("PT30S") Duration retryFirst, @DefaultValue("PT30M") Duration retryMax) {

	/** The wait before the next attempt after this many. */
	public Duration backoff(int attempts) {
		return Backoff.after(attempts, retryFirst, retryMax);
	}
}
