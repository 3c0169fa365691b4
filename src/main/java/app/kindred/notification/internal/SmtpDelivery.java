package app.kindred.notification.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Real SMTP, through Spring's mail sender. */
class SmtpDelivery implements MailDelivery {

	/**
	 * What Outlook and Gmail accept as an invitation beside the text; also a file for any
	 * other client.
	 */
	static final String ICS_FILE = "application/ics";

	private final JavaMailSender sender;

	private final String from;

	SmtpDelivery(JavaMailSender sender, String from) {
		this.sender = sender;
		this.from = from;
	}

	/**
	 * A mail with a single invitation takes the shape Outlook and Gmail turn into an
	 * invitation (iMIP, RFC 6047): multipart/mixed holding multipart/alternative (the
	 * text, and the calendar as text/calendar with its method), and the same calendar
	 * once more as an application/ics file, for clients that show only the text of an
	 * alternative; the file's type carries no method, so no client takes it for a second
	 * invitation. Several invitations in one mail (one per meeting, as one iTIP message
	 * holds one event) go as files of their own type.
	 */
	@Override
	public void deliver(Mail mail, String messageId) {
		var invitations = mail.attachments().stream().filter(SmtpDelivery::isInvitation).count();
		sender.send(message -> {
			// Without attachments, a single text part as SimpleMailMessage would have
			// made it
			var helper = mail.attachments().isEmpty() ? new MimeMessageHelper(message) : new MimeMessageHelper(message,
					MimeMessageHelper.MULTIPART_MODE_MIXED, StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(mail.to());
			helper.setSubject(mail.subject());
			if (invitations != 1) {
				helper.setText(mail.text());
			}
			for (var attachment : mail.attachments()) {
				if (invitations == 1 && isInvitation(attachment)) {
					helper.getRootMimeMultipart().addBodyPart(alternative(mail.text(), attachment), 0);
					helper.addAttachment(attachment.name(), new ByteArrayResource(attachment.content()), ICS_FILE);
				}
				else {
					helper.addAttachment(attachment.name(), new ByteArrayResource(attachment.content()),
							attachment.contentType());
				}
			}
			// JavaMailSenderImpl keeps a Message-ID set here instead of making a new one
			// when it saves the message
			message.setHeader("Message-ID", messageId);
		});
	}

	private static boolean isInvitation(Mail.Attachment attachment) {
		var type = attachment.contentType().toLowerCase(Locale.ROOT);
		return type.startsWith("text/calendar") && type.contains("method=");
	}

	private static MimeBodyPart alternative(String text, Mail.Attachment invitation) throws MessagingException {
		var plain = new MimeBodyPart();
		plain.setText(text, StandardCharsets.UTF_8.name());
		var calendar = new MimeBodyPart();
		calendar
			.setDataHandler(new DataHandler(new ByteArrayDataSource(invitation.content(), invitation.contentType())));
		calendar.setHeader("Content-Type", invitation.contentType());
		var both = new MimeMultipart("alternative", plain, calendar);
		var part = new MimeBodyPart();
		part.setContent(both);
		return part;
	}

}
