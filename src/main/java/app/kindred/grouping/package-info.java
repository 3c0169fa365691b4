/**
 * Group formation: turns mentors and participants with their availability, languages and places into co-mentored
 * peer groups with a constraint solver, and explains who could not be placed and why.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "core")
package app.kindred.grouping;
