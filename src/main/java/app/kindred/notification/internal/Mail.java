package app.kindred.notification.internal;

import java.util.List;

/**
 * One composed message, ready to deliver, with its attachments (a calendar invitation,
 * say).
 */
record Mail(String to, String subject, String text, List<Attachment> attachments) {

	Mail(String to, String subject, String text) {
		this(to, subject, text, List.of());
	}

	Mail {
		attachments = List.copyOf(attachments);
	}

	record Attachment(String name, String contentType, byte[] content) {
	}
}
