package app.kindred.assessment.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param before how long before a course deadline a mentor who has not yet done that part
 * is reminded
 * @param every how often each instance looks for reminders due
 */
@ConfigurationProperties("kindred.course-reminders")
record CourseReminderSettings(@DefaultValue("P3D") Duration before, @DefaultValue("PT10M") Duration every) {
}
