package app.kindred.core.web;

import java.util.List;

/**
 * Each module names the paths that anyone may open without signing in; every other path
 * needs a signed-in user, and the module's own services decide the rest.
 */
@FunctionalInterface
public interface PublicRoutes {

	List<String> patterns();

}
