package app.kindred.notification;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Real SMTP, through Spring's mail sender. */
class SmtpDelivery implements MailDelivery {

	private final JavaMailSender sender;
	private final String from;

	SmtpDelivery(JavaMailSender sender, String from) {
		this.sender = sender;
		this.from = from;
	}

	@Override
	public void deliver(Mail mail, String messageId) {
		sender.send(message -> {
			// Without attachments, a single text part as SimpleMailMessage would have made it
			var helper = mail.attachments().isEmpty() ? new MimeMessageHelper(message)
					: new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(mail.to());
			helper.setSubject(mail.subject());
			helper.setText(mail.text());
			for (var attachment : mail.attachments()) {
				helper.addAttachment(attachment.name(), new ByteArrayResource(attachment.content()), attachment.contentType());
			}
			// JavaMailSenderImpl keeps a Message-ID set here instead of making a new one when it saves the message
			message.setHeader("Message-ID", messageId);
		});
	}
}
