package app.kindred.programme.web;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

import app.kindred.core.Language;

/**
 * Links that show a plan's texts in another language while the page itself stays in the
 * reader's language, for example to check the Finnish texts of a plan while working in
 * English.
 */
final class TextLanguageLinks {

	private TextLanguageLinks() {
	}

	/** The page at {@code uri} (a path with any query it needs) in each language. */
	static Map<Language, String> of(String uri) {
		var links = new EnumMap<Language, String>(Language.class);
		for (var language : Language.values()) {
			links.put(language,
					UriComponentsBuilder.fromUriString(uri)
						.replaceQueryParam("in", language.code())
						.build()
						.toUriString());
		}
		return links;
	}

}
