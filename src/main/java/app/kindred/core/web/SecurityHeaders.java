package app.kindred.core.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The security headers of every response: pages, error pages, the API, static files and
 * operations endpoints alike, so set in one servlet filter ahead of Spring Security
 * rather than per security filter chain (Spring Security's own header writers leave a
 * header that is already set alone).
 */
class SecurityHeaders extends OncePerRequestFilter {

	/**
	 * Scripts only from Kindred's own files: no inline script, no event-handler
	 * attribute, no eval (htmx runs with {@code allowEval} off and without its injected
	 * indicator style, see layout.html). Styles likewise only from files: no template has
	 * a style attribute or element, so 'unsafe-inline' is not needed there either.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * The API documentation is Swagger UI, a third-party page whose bundle applies an
	 * inline style; there, and only there, styles may be inline. Its scripts stay as
	 * strict as everywhere, and the page shows no one's data.
	 */
	static final String API_DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'",
			"style-src 'self' 'unsafe-inline'");
	static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), geolocation=(), "
			+ "gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

	/**
	 * A year, as browsers' preload lists expect; sent only when the public address is
	 * https.
	 */
	static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

	private final boolean https;

	SecurityHeaders(boolean https) {
		this.https = https;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("Content-Security-Policy",
				apiDocs(request) ? API_DOCS_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
		response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
		response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
		response.setHeader("X-Content-Type-Options", "nosniff");
		if (https) {
			response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
		}
		chain.doFilter(request, response);
	}

	private static boolean apiDocs(HttpServletRequest request) {
		var path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/api-docs") || path.startsWith("/swagger-ui/");
	}

	/** Error pages too: set again in case the error handling reset the response. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
