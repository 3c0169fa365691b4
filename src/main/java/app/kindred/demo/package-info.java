/**
 * Demo data for the zero-setup mode: a demo organisation, one account per role and three
 * programmes: one modelled on a real one, one with its people signed up and its mentors
 * trained, ready for forming groups, and the credit course "Supporting wellbeing and life
 * skills" in its meeting phase with the demo mentor and participant in a group and its
 * credit-seeking mentors part-way through their course work; seeded on first start into
 * the embedded database only, at working hours in Helsinki counted from that start.
 */
@ApplicationModule
package app.kindred.demo;

import org.springframework.modulith.ApplicationModule;
