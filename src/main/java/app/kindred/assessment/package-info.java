/**
 * The credit course: a credit-seeking mentor's own objectives, learning diary, workload
 * against the course's hours, reading list, self- and peer evaluation; the teachers' pass
 * or fail with its justification, and the grade export for the study registry.
 */
@ApplicationModule(allowedDependencies = { "core", "core :: web", "core :: events", "identity", "organisation",
		"programme", "recruitment", "training", "grouping", "meeting", "audit" })
package app.kindred.assessment;

import org.springframework.modulith.ApplicationModule;
