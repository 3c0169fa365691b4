package app.kindred.notification.internal;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.kindred.core.events.SafeErrors;
import java.time.Instant;

/**
 * Sends recorded mail, on every instance, each mail by exactly one of them at a time: a
 * mail is claimed with a lease (one conditional update), handed to SMTP with the
 * Message-ID fixed when it was recorded, and marked sent. An SMTP failure releases the
 * claim and tries again after a growing wait. An instance that dies holding a claim loses
 * it when the lease runs out, and another sends the mail.
 * <p>
 * The one duplicate no design avoids: an instance that dies (or loses its database) after
 * the server accepted a mail and before it recorded that; the mail is sent again when the
 * lease runs out, with the same Message-ID, so mail clients show it once.
 * <p>
 * Each new mail is tried at once after its transaction commits; the schedule picks up
 * what failed or was abandoned, and deletes sent and failed mail after the retention.
 * Sending runs on threads of its own, so a slow SMTP server holds up neither the
 * listeners nor the application's other scheduled work.
 */
@Component
class OutgoingMailSender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(OutgoingMailSender.class);

	private static final int BATCH = 50;

	private final OutgoingMailStore store;

	private final MailDelivery delivery;

	private final MailSettings settings;

	private final Clock clock;

	private final ExecutorService executor = Executors.newFixedThreadPool(2,
			Thread.ofPlatform().name("mail-sender-", 0).daemon(true).factory());

	private final AtomicBoolean sweeping = new AtomicBoolean();

	OutgoingMailSender(OutgoingMailStore store, MailDelivery delivery, MailSettings settings, Clock clock) {
		this.store = store;
		this.delivery = delivery;
		this.settings = settings;
		this.clock = clock;
	}

	/** Tries this mail soon, on a sending thread. */
	void soon(UUID id) {
		try {
			executor.execute(() -> attempt(id));
		}
		catch (RejectedExecutionException e) {
			// shutting down: the schedule of another (or the next) instance sends it
		}
	}

	@Scheduled(fixedDelayString = "${kindred.mail.every:PT30S}", initialDelayString = "${kindred.mail.every:PT30S}")
	void sweep() {
		if (!sweeping.compareAndSet(false, true)) {
			return;
		}
		try {
			executor.execute(() -> {
				try {
					sendDue();
					store.purge(clock.instant().minus(settings.retention()));
				}
				catch (DataAccessException e) {
					log.warn("Could not look for mail to send: {}", SafeErrors.describe(e));
				}
				finally {
					sweeping.set(false);
				}
			});
		}
		catch (RejectedExecutionException e) {
			sweeping.set(false);
		}
	}

	/** Sends what is due now; returns how many this instance sent. */
	int sendDue() {
		int sent = 0;
		for (var id : store.due(clock.instant(), BATCH)) {
			if (attempt(id)) {
				sent++;
			}
		}
		return sent;
	}

	/**
	 * Claims, sends and records one mail; false if another instance has it, it is not
	 * due, or sending failed.
	 */
	boolean attempt(UUID id) {
		OutgoingMailStore.Recorded recorded;
		var claimedAt = clock.instant();
		try {
			var now = claimedAt;
			if (!store.claim(id, now, now.plus(settings.lease()))) {
				return false;
			}
			recorded = store.load(id).orElse(null);
		}
		catch (DataAccessException e) {
			log.warn("Could not claim mail {}: {}", id, SafeErrors.describe(e));
			return false; // claimed or not, the lease runs out and the mail is tried
							// again
		}
		if (recorded == null) {
			return false;
		}
		try {
			delivery.deliver(recorded.mail(), recorded.messageId());
		}
		catch (RuntimeException e) {
			var error = SafeErrors.describe(e);
			var giveUp = recorded.attempts() >= settings.maxAttempts();
			var now = clock.instant();
			log.warn("Could not send mail {} (attempt {}{}): {}", id, recorded.attempts(), giveUp ? ", giving up" : "",
					error);
			try {
				store.failed(id, now, now.plus(settings.backoff(recorded.attempts())), error, giveUp);
			}
			catch (DataAccessException again) {
				log.warn("Could not record that mail {} failed; it is tried again when its lease runs out", id);
			}
			return false;
		}
		if (!recordSent(id, claimedAt, !recorded.mail().attachments().isEmpty())) {
			log.warn(
					"Mail {} was sent but could not be recorded as sent; it is sent again, as {}, when its lease runs out",
					id, recorded.messageId());
			return true;
		}
		try {
			store.nextFor(id).ifPresent(this::soon); // waiting for this one to go first
		}
		catch (DataAccessException e) {
			// the schedule finds it
		}
		return true;
	}

	/**
	 * Records the mail sent, trying again for up to half the lease: a connection lost for
	 * a moment (a database restart, a connection cut) then costs no second copy. Only a
	 * longer outage, or the instance's death, leaves the mail to be sent again.
	 */
	private boolean recordSent(UUID id, Instant claimedAt, boolean withAttachments) {
		var deadline = claimedAt.plus(settings.lease().dividedBy(2));
		long wait = 100;
		while (true) {
			try {
				store.sent(id, clock.instant(), withAttachments);
				return true;
			}
			catch (DataAccessException e) {
				if (clock.instant().plusMillis(wait).isAfter(deadline)) {
					return false;
				}
				try {
					Thread.sleep(wait);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return false;
				}
				wait = Math.min(wait * 2, 1000);
			}
		}
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}

}
