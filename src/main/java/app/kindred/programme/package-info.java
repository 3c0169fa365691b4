/**
 * Programmes: one term's run of compassion mentoring, with its texts per language,
 * delivery, windows, seats, group and meeting settings, course credits or certificate,
 * and its life from draft to published to archived.
 */
@ApplicationModule
package app.kindred.programme;

import org.springframework.modulith.ApplicationModule;
