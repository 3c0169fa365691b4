package app.kindred.notification.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.kindred.privacy.ErasureCarriedOut;

/**
 * Tells a person that they were erased, at the address they had: the event carries it, as
 * the account no longer does.
 */
@Component
class PrivacyMails {

	private final MailComposer mail;

	PrivacyMails(MailComposer mail) {
		this.mail = mail;
	}

	@ApplicationModuleListener
	void on(ErasureCarriedOut event) {
		mail.send(event.email(), event.language(), "erased", event.displayName());
	}

}
