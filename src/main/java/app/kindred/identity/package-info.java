/**
 * Accounts and sign-in: registration with e-mail verification, passwords and their reset,
 * throttling of failed sign-ins, the signed-in user and their preferred language and time
 * zone.
 */
@ApplicationModule
package app.kindred.identity;

import org.springframework.modulith.ApplicationModule;
