/**
 * Recruitment: the call for mentors and the participants' sign-up, first come first
 * served, with hard seat limits and a waiting list that moves up by itself when someone
 * withdraws.
 */
@ApplicationModule
package app.kindred.recruitment;

import org.springframework.modulith.ApplicationModule;
