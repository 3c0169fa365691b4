package app.kindred.meeting.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param before how long before a meeting or mentor session its reminder is sent
 * @param every how often each instance looks for reminders due
 */
@ConfigurationProperties("kindred.reminders")
record ReminderSettings(@DefaultValue("PT24H") Duration before, @DefaultValue("PT1M") Duration every) {
}
