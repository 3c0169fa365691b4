package app.kindred.notification.internal;

/** Where recorded mail goes: an SMTP server, or the development mailbox. */
interface MailDelivery {

	/**
	 * Hands the mail over with this Message-ID, fixed when the mail was recorded, so that
	 * a mail sent twice (its instance died between the server's acceptance and recording
	 * it sent) is the same message to mail clients.
	 */
	void deliver(Mail mail, String messageId);

}
