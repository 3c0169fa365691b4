package app.kindred.core.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

import app.kindred.core.Language;

/**
 * Gives every page the links of the language switcher: the same page and query, in
 * another language.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

	@ModelAttribute("languageLinks")
	Map<String, String> languageLinks(HttpServletRequest request) {
		var links = new LinkedHashMap<String, String>();
		for (var language : Language.values()) {
			var uri = UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString());
			links.put(language.code(), uri.replaceQueryParam("lang", language.code()).build().toUriString());
		}
		return links;
	}

}
