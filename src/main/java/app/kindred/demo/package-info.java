/**
 * Demo data for the zero-setup mode: a demo organisation, one account per role and two
 * programmes modelled on real ones, seeded on first start into the embedded database
 * only.
 */
@ApplicationModule
package app.kindred.demo;

import org.springframework.modulith.ApplicationModule;
