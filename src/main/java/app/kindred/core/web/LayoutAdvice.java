package app.kindred.core.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import app.kindred.core.Language;

/**
 * Gives every page what its layout needs: the links of the language switcher (the same
 * page and query, in another language) and whether someone is signed in.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	@ModelAttribute("languageLinks")
	Map<String, String> languageLinks(HttpServletRequest request) {
		var links = new LinkedHashMap<String, String>();
		// An error page is rendered at /error: its links lead back to the address asked
		// for
		var failed = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		var path = failed != null ? failed : request.getRequestURI();
		for (var language : Language.values()) {
			var uri = UriComponentsBuilder.fromPath(path).query(request.getQueryString());
			links.put(language.code(), uri.replaceQueryParam("lang", language.code()).build().toUriString());
		}
		return links;
	}

	/**
	 * Whether the menu is a signed-in person's. Spring Security's request answers it
	 * (anonymous is nobody); {@code sec:authorize} would parse and evaluate an expression
	 * for each of the menu's entries, a noticeable share of every page's rendering.
	 */
	@ModelAttribute("layoutSignedIn")
	boolean layoutSignedIn(HttpServletRequest request) {
		return request.getUserPrincipal() != null;
	}

}
