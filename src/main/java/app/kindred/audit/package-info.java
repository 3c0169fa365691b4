/**
 * Audit: every read of someone else's sensitive data by staff (a mentors' workspace, a
 * shared diary, an evaluation, a request for staff attention, an application with its
 * answers) is recorded with who, whose, what and when, for the organisation admin and,
 * for their own data, for the person. The modules that show such data call
 * {@link app.kindred.audit.SensitiveReads}; this module knows none of them.
 */
@ApplicationModule(allowedDependencies = { "core", "core :: web", "identity", "organisation", "programme" })
package app.kindred.audit;

import org.springframework.modulith.ApplicationModule;
