package app.kindred.notification.internal;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSender;

import app.kindred.core.config.ProductionConfigurationCheck;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	@Bean
	@ConditionalOnExpression("'${spring.mail.host:}' != ''")
	MailDelivery smtpDelivery(JavaMailSender sender, MailSettings settings) {
		return new SmtpDelivery(sender, settings.from());
	}

	/**
	 * Only in development mode: the mailbox shows every mail, password-reset links
	 * included, to anyone. Outside it a missing mail host stops Kindred from starting
	 * instead (core.config.ProductionConfigurationCheck).
	 */
	@Bean
	@Profile(ProductionConfigurationCheck.DEV_PROFILE)
	@ConditionalOnMissingBean(MailDelivery.class)
	DevMailbox devMailbox(Clock clock) {
		return new DevMailbox(clock);
	}

}
