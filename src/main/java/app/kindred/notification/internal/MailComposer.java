package app.kindred.notification.internal;

import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import app.kindred.core.Language;

/**
 * Composes a message from its localized templates {@code mail.<kind>.subject} and
 * {@code mail.<kind>.body} in the recipient's language, and records it to be sent
 * ({@link OutgoingMails}).
 */
@Component
class MailComposer {

	private final MessageSource messages;

	private final OutgoingMails outgoing;

	MailComposer(MessageSource messages, OutgoingMails outgoing) {
		this.messages = messages;
		this.outgoing = outgoing;
	}

	void send(String to, Language language, String kind, Object... arguments) {
		sendWith(List.of(), to, language, kind, arguments);
	}

	/**
	 * A piece of a message in the recipient's language, such as a list of names, to pass
	 * as an argument.
	 */
	String text(Language language, String code, Object... arguments) {
		return messages.getMessage(code, arguments, language.locale());
	}

	void sendWith(List<Mail.Attachment> attachments, String to, Language language, String kind, Object... arguments) {
		var locale = language.locale();
		var subject = messages.getMessage("mail." + kind + ".subject", arguments, locale);
		var body = messages.getMessage("mail." + kind + ".body", arguments, locale) + "\n\n"
				+ messages.getMessage("mail.signature", null, locale);
		outgoing.record(kind, new Mail(to, subject, body, attachments));
	}

}
