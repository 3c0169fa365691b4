package app.kindred.notification.internal;

import java.time.Clock;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import app.kindred.core.events.CurrentPublication;

/**
 * Records composed mail in {@code outgoing_mail}, in the transaction of the listener that
 * composed it, instead of handing it to SMTP there; {@link OutgoingMailSender} sends it
 * from the table.
 * <p>
 * Spring Modulith marks an event publication completed after the listener's transaction
 * has committed, in a transaction of its own (its completion advice wraps the
 * transactional listener; the registry's markCompleted requires a new transaction). An
 * instance that dies in between leaves the publication incomplete although its mail is
 * recorded, and the listener runs again later. So each mail is recorded under its
 * publication's id and its position among the mails of that listener run, unique
 * together: a run again for the same publication finds its mail recorded and records
 * nothing twice (and should two runs overlap, the unique key lets one commit). Two
 * publications of equal events are different publications, and each gets its mail.
 */
@Component
class OutgoingMails {

	private final OutgoingMailStore store;

	private final OutgoingMailSender sender;

	private final Clock clock;

	private final String domain;

	OutgoingMails(OutgoingMailStore store, OutgoingMailSender sender, Clock clock, MailSettings settings) {
		this.store = store;
		this.sender = sender;
		this.clock = clock;
		this.domain = domainOf(settings.from());
	}

	void record(String kind, Mail mail) {
		var publication = CurrentPublication.id().orElse(null);
		var position = CurrentPublication.sequence();
		if (publication != null && store.recorded(publication, position)) {
			return; // recorded by an earlier run of this listener for the same
					// publication
		}
		var id = UUID.randomUUID();
		store.insert(id, "<" + id + "@" + domain + ">", publication, position, kind, mail, clock.instant());
		// Tried at once when recorded for good, so nobody waits for the next sweep
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					sender.soon(id);
				}
			});
		}
		else {
			sender.soon(id);
		}
	}

	/**
	 * The sender's domain, for Message-IDs that are unique worldwide and say where they
	 * come from.
	 */
	private static String domainOf(String from) {
		try {
			var address = new InternetAddress(from).getAddress();
			var at = address == null ? -1 : address.lastIndexOf('@');
			return at < 0 ? "kindred.local" : address.substring(at + 1);
		}
		catch (AddressException e) {
			return "kindred.local";
		}
	}

}
