/**
 * Group formation: turns mentors and participants with their availability, languages and places into co-mentored
 * peer groups with a constraint solver, and explains who could not be placed and why. The solver itself
 * ({@code GroupFormation}) needs nothing but plain values; {@code Formations} feeds it from recruitment and training.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "core", "identity", "programme", "recruitment",
		"training" })
package app.kindred.grouping;
