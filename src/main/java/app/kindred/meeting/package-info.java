/**
 * Group meetings: each published group's schedule, where it meets, rescheduling and
 * cancelling with word to the members, private calendar feeds, reminders before meetings
 * and mentor sessions, the mentor pair's workspace (plans, notes, attendance, debriefs,
 * the staff-attention flag) and the coordinators' view of the groups' progress.
 */
@ApplicationModule(allowedDependencies = { "core", "core :: web", "core :: events", "identity", "organisation",
		"programme", "recruitment", "training", "grouping", "audit" })
package app.kindred.meeting;

import org.springframework.modulith.ApplicationModule;
