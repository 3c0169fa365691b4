package app.kindred.core.config;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Prints a {@link MissingConfigurationException} as its one line on standard error, in
 * place of Spring Boot's "APPLICATION FAILED TO START" banner or a stack trace: an
 * operator needs to read what to set, not where in the framework it was noticed.
 * Reporting it also keeps the main thread from printing the exception again as it ends
 * (with exit status 1).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MissingConfigurationReporter implements SpringBootExceptionReporter {

	@Override
	public boolean reportException(Throwable failure) {
		for (var cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MissingConfigurationException missing) {
				System.err.println(missing.getMessage());
				System.err.flush();
				return true;
			}
		}
		return false;
	}

}
