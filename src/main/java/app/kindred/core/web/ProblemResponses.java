package app.kindred.core.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details written straight to the response, for answers given before a
 * controller is reached (the API's 401 and 403, a database that is away): UTF-8 and
 * serialised by Jackson, so a Finnish or Swedish title arrives intact and any character
 * is escaped as JSON requires.
 */
@Component
public class ProblemResponses {

	/**
	 * How long to wait before trying again after a 503: a database restart usually takes
	 * about this long.
	 */
	public static final String RETRY_AFTER_SECONDS = "10";

	private final JsonMapper json;

	private final MessageSource messages;

	private final LocaleResolver locales;

	ProblemResponses(JsonMapper json, MessageSource messages, LocaleResolver locales) {
		this.json = json;
		this.messages = messages;
		this.locales = locales;
	}

	/**
	 * A 503 for a database (or anything else the answer depends on) that is away for a
	 * moment, with when to try again.
	 */
	public void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		write(request, response, HttpStatus.SERVICE_UNAVAILABLE);
	}

	/** A problem with the title {@code error.api.<status>} in the caller's language. */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status) throws IOException {
		var title = messages.getMessage("error.api." + status.value(), null, status.getReasonPhrase(),
				locales.resolveLocale(request));
		var body = new LinkedHashMap<String, Object>();
		body.put("type", "about:blank");
		body.put("title", title);
		body.put("status", status.value());
		body.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(json.writeValueAsBytes(body));
	}

}
