package app.kindred.core;

import org.springframework.security.access.AccessDeniedException;

/**
 * The caller is known to be allowed to see a thing, but not to do this with it: answered
 * 403.
 */
public class Forbidden extends AccessDeniedException {

	public Forbidden(String why) {
		super(why);
	}

}
