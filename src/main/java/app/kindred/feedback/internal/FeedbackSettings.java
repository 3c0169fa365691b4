package app.kindred.feedback.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param every how often each instance sends the invitations and reminders due and writes
 * the answers of closed surveys
 */
@ConfigurationProperties("kindred.feedback")
record FeedbackSettings(@DefaultValue("PT1M") Duration every) {
}
