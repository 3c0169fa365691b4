package app.kindred.core;

/**
 * Something asked for does not exist, or exists but must not be revealed to the caller:
 * both answer 404 so that nobody can probe for other people's data.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what);
	}

}
