package app.kindred.notification;

import java.nio.charset.StandardCharsets;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Real SMTP, through Spring's mail sender. */
class SmtpDelivery implements MailDelivery {

	private final JavaMailSender sender;
	private final String from;

	SmtpDelivery(JavaMailSender sender, @Value("${kindred.mail.from}") String from) {
		this.sender = sender;
		this.from = from;
	}

	@Override
	public void deliver(Mail mail) {
		if (!mail.attachments().isEmpty()) {
			deliverWithAttachments(mail);
			return;
		}
		var message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(mail.to());
		message.setSubject(mail.subject());
		message.setText(mail.text());
		sender.send(message);
	}

	private void deliverWithAttachments(Mail mail) {
		sender.send(message -> {
			var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(mail.to());
			helper.setSubject(mail.subject());
			helper.setText(mail.text());
			for (var attachment : mail.attachments()) {
				helper.addAttachment(attachment.name(), new ByteArrayResource(attachment.content()), attachment.contentType());
			}
		});
	}
}
