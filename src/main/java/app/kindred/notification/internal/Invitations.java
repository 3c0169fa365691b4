package app.kindred.notification.internal;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import app.kindred.core.CalendarEvent;
import app.kindred.identity.AccountSummary;

/**
 * Calendar invitations as mail attachments: organised by the address mail comes from, in
 * the organisation's name, to the one person the mail goes to. The method travels in the
 * attachment's content type, which delivery puts on the MIME part, because Outlook and
 * Gmail look there to offer an invitation rather than a file.
 */
@Component
class Invitations {

	private final String organizer;

	Invitations(@Value("${kindred.mail.from}") String from) {
		try {
			this.organizer = new InternetAddress(from, true).getAddress(); // "Kindred
																			// <no-reply@…>"
																			// gives the
																			// address
		}
		catch (AddressException e) {
			throw new IllegalStateException("kindred.mail.from is not an e-mail address: " + from, e);
		}
	}

	Mail.Attachment attachment(String fileName, CalendarEvent event, String organisationName, AccountSummary to) {
		var invitation = event.invitation(new CalendarEvent.Party(organizer, organisationName),
				new CalendarEvent.Party(to.email(), to.displayName()));
		return new Mail.Attachment(fileName, invitation.contentType(), invitation.content());
	}

}
