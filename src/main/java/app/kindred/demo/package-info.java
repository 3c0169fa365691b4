/**
 * Demo data for the zero-setup mode: a demo organisation, one account per role and three
 * programmes, two modelled on real ones and one with its people signed up and its mentors
 * trained, ready for forming groups; seeded on first start into the embedded database
 * only.
 */
@ApplicationModule
package app.kindred.demo;

import org.springframework.modulith.ApplicationModule;
