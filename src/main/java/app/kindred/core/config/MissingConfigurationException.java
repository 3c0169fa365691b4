package app.kindred.core.config;

/**
 * Kindred cannot run as configured; the message says what is missing and how to fix it,
 * in one line.
 */
public class MissingConfigurationException extends RuntimeException {

	public MissingConfigurationException(String message) {
		super(message, null, false, false);
	}

}
