package app.kindred.core.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is away (a PostgreSQL restart, a lost connection, a pool exhausted),
 * pages answer 503 with a page in the user's language saying to try again in a moment,
 * and the API a 503 problem detail, both with {@code Retry-After}, instead of a 500 and a
 * stack trace per request. Wraps everything below it, so a failure in a controller, a
 * security filter or a view is caught alike; one warning line is logged per request.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	private final ProblemResponses problems;

	DatabaseUnavailableFilter(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException e) {
			if (!DatabaseFailures.unavailable(e) || response.isCommitted()) {
				throw e;
			}
			var cause = NestedExceptionUtils.getMostSpecificCause(e);
			log.warn("Database unavailable, answered 503 to {} {}: {}", request.getMethod(), request.getRequestURI(),
					(cause.getClass().getName() + ": " + cause.getMessage()).replaceAll("\\s+", " "));
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.resetBuffer();
				problems.unavailable(request, response);
			}
			else {
				response.setHeader("Retry-After", ProblemResponses.RETRY_AFTER_SECONDS);
				response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
			}
		}
	}

}
