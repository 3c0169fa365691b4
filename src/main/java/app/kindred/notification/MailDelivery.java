package app.kindred.notification;

/** Where composed mail goes: an SMTP server, or the development mailbox. */
interface MailDelivery {

	void deliver(Mail mail);
}
