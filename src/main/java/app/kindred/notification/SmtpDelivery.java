package app.kindred.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

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
		var message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(mail.to());
		message.setSubject(mail.subject());
		message.setText(mail.text());
		sender.send(message);
	}
}
