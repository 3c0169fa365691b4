package app.kindred.notification;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	@Bean
	@ConditionalOnExpression("'${spring.mail.host:}' != ''")
	MailDelivery smtpDelivery(JavaMailSender sender, MailSettings settings) {
		return new SmtpDelivery(sender, settings.from());
	}

	@Bean
	@ConditionalOnMissingBean(MailDelivery.class)
	DevMailbox devMailbox(Clock clock) {
		return new DevMailbox(clock);
	}
}
