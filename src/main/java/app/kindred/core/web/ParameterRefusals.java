package app.kindred.core.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Parameters Tomcat refuses to parse (a form over its maximum POST size, too many
 * parameters, broken encoding) are refused here, with Tomcat's status (413 or 400), the
 * error page in the user's language and one warning line. Left to the first
 * {@code getParameter} (Spring Security's CSRF check), the refusal escaped as an
 * exception with a stack trace logged at ERROR, and the error page, reading a parameter
 * again, failed with a second one and fell back to Tomcat's English page: a visitor
 * sending such forms in a loop flooded the log.
 */
class ParameterRefusals extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(ParameterRefusals.class);

	private static final String REFUSED = ParameterRefusals.class.getName() + ".refused";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getAttribute(REFUSED) != null) {
			chain.doFilter(new WithoutParameters(request), response); // the error page of
																		// a refused
																		// request
			return;
		}
		try {
			request.getParameterMap(); // parsed once, here, where a refusal can still be
										// answered cleanly
		}
		catch (InvalidParameterException e) {
			int status = e.getErrorCode() >= 400 ? e.getErrorCode() : HttpServletResponse.SC_BAD_REQUEST;
			log.warn("Refused {} {} with {}: {}", request.getMethod(), request.getRequestURI(), status, e.getMessage());
			request.setAttribute(REFUSED, Boolean.TRUE);
			response.sendError(status);
			return;
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
			FilterChain chain) throws ServletException, IOException {
		doFilterInternal(request, response, chain);
	}

	/**
	 * The refused request as the error page sees it: no parameters, rather than the same
	 * exception again; and no body type, so that the dispatcher does not parse a refused
	 * multipart upload (a logo over the size limit) again and end the error page empty.
	 */
	private static final class WithoutParameters extends HttpServletRequestWrapper {

		WithoutParameters(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getContentType() {
			return null;
		}

		@Override
		public String getParameter(String name) {
			return null;
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return Map.of();
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.emptyEnumeration();
		}

		@Override
		public String[] getParameterValues(String name) {
			return null;
		}

	}

}
