package app.kindred.identity;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Whether Kindred has a page at a request's address, asked before Spring Security decides
 * on it: a signed-out visitor who mistypes an address is told it does not exist (not sent
 * to sign in for a page that is not there), and signing in only leads back to an address
 * that can be opened. Asks the handler mappings the dispatcher itself asks, in its order.
 */
final class KnownRoutes {

	/** What the application has at an address. */
	enum Match {

		/** Nothing: the answer is the page-not-found page. */
		NONE,

		/** A handler, but for other methods (an address that only takes forms). */
		OTHER_METHOD,

		/** A handler for this method. */
		FOUND

	}

	private final ObjectProvider<HandlerMapping> mappings;

	KnownRoutes(ObjectProvider<HandlerMapping> mappings) {
		this.mappings = mappings;
	}

	Match match(HttpServletRequest request) {
		// The lookup parses the path and records what it matched as request attributes:
		// kept apart, so the dispatcher later finds the request as it came
		var probe = new Probe(request);
		ServletRequestPathUtils.parseAndCache(probe);
		var match = Match.NONE;
		for (var mapping : (Iterable<HandlerMapping>) mappings.orderedStream()::iterator) {
			try {
				if (mapping.getHandler(probe) != null) {
					return Match.FOUND;
				}
			}
			catch (HttpRequestMethodNotSupportedException e) {
				match = Match.OTHER_METHOD;
			}
			catch (Exception e) {
				// A mapping that cannot tell (a media type not acceptable) has something
				// there
				return Match.FOUND;
			}
		}
		return match;
	}

	/** The request with attributes of its own, so that asking leaves no trace. */
	private static final class Probe extends HttpServletRequestWrapper {

		private final Map<String, Object> attributes = new HashMap<>();

		Probe(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Object getAttribute(String name) {
			return this.attributes.containsKey(name) ? this.attributes.get(name) : super.getAttribute(name);
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.put(name, null);
		}

	}

}
