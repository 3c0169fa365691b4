/**
 * Demo data for the zero-setup mode: a demo organisation, one account per role and four
 * programmes, two modelled on real ones, one with its people signed up and its mentors
 * trained, ready for forming groups, and one in its meeting phase with the demo mentor
 * and participant in a group; seeded on first start into the embedded database only, at
 * working hours in Helsinki counted from that start.
 */
@ApplicationModule
package app.kindred.demo;

import org.springframework.modulith.ApplicationModule;
