package app.kindred.notification.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.kindred.identity.AccountRegistered;
import app.kindred.identity.PasswordResetRequested;
import app.kindred.identity.RegistrationAttempted;
import app.kindred.identity.VerificationResent;
import app.kindred.organisation.StaffInvited;
import app.kindred.sso.SignInLinkRequested;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Mail about accounts and staff. Each listener runs after the publishing transaction has
 * committed; the event publication registry keeps the event until the mail is recorded
 * for sending, so a crash in between does not lose it.
 */
@Component
class AccountMails {

	private final MailComposer mail;

	AccountMails(MailComposer mail) {
		this.mail = mail;
	}

	@ApplicationModuleListener
	void on(AccountRegistered event) {
		mail.send(event.email(), event.language(), "verify", event.displayName(), event.verificationLink());
	}

	@ApplicationModuleListener
	void on(VerificationResent event) {
		mail.send(event.email(), event.language(), "verify", event.displayName(), event.verificationLink());
	}

	/**
	 * Only the owner's own name and Kindred's links: nothing a stranger typed into the
	 * form goes into the mail.
	 */
	@ApplicationModuleListener
	void on(RegistrationAttempted event) {
		mail.send(event.email(), event.language(), "registrationAttempt", event.displayName(), event.signInLink(),
				event.resetLink());
	}

	@ApplicationModuleListener
	void on(PasswordResetRequested event) {
		mail.send(event.email(), event.language(), "reset", event.displayName(), event.resetLink());
	}

	/** Only the owner's name, the organisation's provider and Kindred's link. */
	@ApplicationModuleListener
	void on(SignInLinkRequested event) {
		mail.send(event.email(), event.language(), "ssoLink", event.displayName(), event.link(), event.providerName());
	}

	@ApplicationModuleListener
	void on(StaffInvited event) {
		mail.send(event.email(), event.language(), "invitation", event.organisationName(),
				new DefaultMessageSourceResolvable("role." + event.role().name()), event.invitedBy(),
				event.acceptLink());
	}

}
