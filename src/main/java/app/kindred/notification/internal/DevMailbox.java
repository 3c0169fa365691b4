package app.kindred.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * In development mode with no SMTP server configured, mail is kept in memory and readable
 * at /dev/mailbox, so that a newcomer can open the verification link without setting
 * anything up. It exists only in that mode.
 */
public class DevMailbox implements MailDelivery {

	/** A kept message; attachments by name, as a mail client lists them. */
	public record Message(long id, Instant at, String to, String subject, String text, List<String> attachments,
			String messageId) {
	}

	private static final int KEEP = 200;

	private final Deque<Message> messages = new ArrayDeque<>();

	private final AtomicLong ids = new AtomicLong();

	private final Clock clock;

	DevMailbox(Clock clock) {
		this.clock = clock;
	}

	@Override
	public synchronized void deliver(Mail mail, String messageId) {
		if (messages.stream().anyMatch(m -> m.messageId().equals(messageId))) {
			return; // sent again after an instance died before recording it sent: the
					// same message, as mail clients fold it
		}
		messages.addFirst(new Message(ids.incrementAndGet(), clock.instant(), mail.to(), mail.subject(), mail.text(),
				mail.attachments().stream().map(Mail.Attachment::name).toList(), messageId));
		while (messages.size() > KEEP) {
			messages.removeLast();
		}
	}

	public synchronized List<Message> messages() {
		return List.copyOf(messages);
	}

	public synchronized Optional<Message> message(long id) {
		return messages.stream().filter(m -> m.id() == id).findFirst();
	}

}
