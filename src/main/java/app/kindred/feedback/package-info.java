/**
 * Feedback and impact: surveys a programme schedules (Kindred's own feedback surveys and
 * self-compassion measure, an organisation's copies, validated instruments it imported),
 * invitations and one reminder by e-mail, answers stored so that nothing leads from an
 * answer to a person, pre/post pairs by the respondents' own code, and reports with
 * charts and statistics for a programme and pooled for a network.
 */
@ApplicationModule(allowedDependencies = { "core", "core :: web", "core :: events", "identity", "organisation",
		"programme", "recruitment", "grouping", "meeting" })
package app.kindred.feedback;

import org.springframework.modulith.ApplicationModule;
