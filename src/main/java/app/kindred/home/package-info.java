/**
 * Every person's Home: what they are part of, where each stands and what comes next,
 * gathered from the parts other modules contribute through
 * {@link app.kindred.core.HomeContributor}, so Home knows none of them.
 */
@ApplicationModule(allowedDependencies = { "core", "core :: web", "identity", "programme", "privacy" })
package app.kindred.home;

import org.springframework.modulith.ApplicationModule;
