/**
 * Announcements: a programme's coordinator writes to its mentors, its participants, those
 * on its waiting lists, one published group or everyone, in one or more languages. Each
 * person is told by e-mail, in their own language where it was written in it, and finds
 * it on their Home until they dismiss it; the coordinator sees how many it reached, never
 * who.
 */
@ApplicationModule(allowedDependencies = { "core", "core :: web", "identity", "programme", "recruitment", "grouping" })
package app.kindred.announcement;

import org.springframework.modulith.ApplicationModule;
