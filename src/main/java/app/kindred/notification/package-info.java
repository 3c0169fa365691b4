/**
 * E-mail: composes each message from a template in the recipient's language and delivers
 * it by SMTP, or, with no SMTP server configured, into the development mailbox.
 */
@ApplicationModule
package app.kindred.notification;

import org.springframework.modulith.ApplicationModule;
