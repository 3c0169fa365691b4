/**
 * Group formation: turns mentors and participants with their availability, languages and
 * places into co-mentored peer groups with a constraint solver, explains who could not be
 * placed and why, publishes the groups and keeps them up to date one person at a time
 * (withdrawals, replacements). The solver itself ({@code FormationSolver}) needs nothing
 * but plain values; {@code ProblemReader} feeds it from recruitment and training.
 */
@ApplicationModule(allowedDependencies = { "core", "core :: web", "core :: events", "identity", "programme",
		"recruitment", "training" })
package app.kindred.grouping;

import org.springframework.modulith.ApplicationModule;
