/**
 * Organisations (universities and the networks that serve them), their settings, their
 * staff and staff roles, and invitations of new staff.
 */
@ApplicationModule
package app.kindred.organisation;

import org.springframework.modulith.ApplicationModule;
