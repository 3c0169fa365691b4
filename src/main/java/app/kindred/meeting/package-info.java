/**
 * Group meetings: each published group's schedule, where it meets, rescheduling and cancelling with word to the
 * members, private calendar feeds, and reminders before meetings and mentor sessions.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "core", "identity", "organisation", "programme",
		"recruitment", "training", "grouping" })
package app.kindred.meeting;
