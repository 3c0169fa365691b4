package app.kindred.core.web;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A form sent from a page opened before its session expired: the 403 page
 * ({@code error/403}) says so and links back to the page that sent it, whose address the
 * request carries under {@link #ATTRIBUTE}.
 */
public final class StaleForm {

	/** The request attribute, and the error page's variable, holding the way back. */
	public static final String ATTRIBUTE = "staleForm";

	private StaleForm() {
	}

	/**
	 * The page the form was on, when the browser named one of this site's pages as its
	 * referrer; else the front page. Only a path, so the link never leads elsewhere.
	 */
	public static String backLink(HttpServletRequest request) {
		var referrer = request.getHeader("Referer");
		if (referrer != null) {
			try {
				var uri = new URI(referrer);
				var path = uri.getRawPath();
				if (request.getServerName().equalsIgnoreCase(uri.getHost()) && path != null && path.startsWith("/")
						&& !path.startsWith("//")) {
					return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
				}
			}
			catch (URISyntaxException e) {
				// not a link to follow: the front page
			}
		}
		return request.getContextPath() + "/";
	}

}
