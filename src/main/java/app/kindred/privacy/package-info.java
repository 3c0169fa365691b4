/**
 * A person's own data: everything Kindred holds about them, gathered from every module's
 * {@link app.kindred.core.PersonalDataContributor} and given to them as JSON, as a
 * readable page and as a PDF ("My data"); erasure on request and a programme's retention
 * through every module's {@link app.kindred.core.PersonalDataEraser}, so that no module
 * needs to know the others; and each organisation's privacy notice per language, public,
 * linked from the sign-up forms and shown once on Home after a person's first sign-in.
 */
@ApplicationModule(displayName = "Privacy")
package app.kindred.privacy;

import org.springframework.modulith.ApplicationModule;
