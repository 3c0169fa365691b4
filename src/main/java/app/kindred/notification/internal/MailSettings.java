package app.kindred.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import app.kindred.core.events.Backoff;

/**
 * How recorded mail is sent and kept.
 *
 * @param from the sender's address
 * @param every how often each instance looks for mail due to be sent (every new mail is
 * also tried at once)
 * @param lease how long a mail being sent belongs to the instance sending it; longer than
 * SMTP's own time-outs, so a live instance never loses a mail it is still sending, and
 * short, since after an instance dies mid-send its mail waits this long to be sent again
 * @param retryFirst the wait before a failed mail is tried again; it doubles with every
 * attempt
 * @param retryMax the longest wait between attempts
 * @param maxAttempts after this many failed attempts a mail is given up (FAILED) and
 * shown to operators
 * @param retention how long sent and failed mails are kept (without subject and body once
 * sent) before they are deleted; they hold personal data
 */
@ConfigurationProperties("kindred.mail")
record MailSettings(@DefaultValue("Kindred <no-reply@kindred.local>") String from,
		@DefaultValue("PT30S") Duration every, @DefaultValue("PT2M") Duration lease,
		@DefaultValue("PT30S") Duration retryFirst, @DefaultValue("PT1H") Duration retryMax,
		@DefaultValue("40") int maxAttempts, @DefaultValue("P7D") Duration retention) {

	Duration backoff(int attempts) {
		return Backoff.after(attempts, retryFirst, retryMax);
	}
}
