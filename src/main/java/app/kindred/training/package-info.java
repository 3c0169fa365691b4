/**
 * Mentor training and supervision: the sessions, who can come and who came, and which
 * mentors are ready to lead.
 */
@ApplicationModule
package app.kindred.training;

import org.springframework.modulith.ApplicationModule;
