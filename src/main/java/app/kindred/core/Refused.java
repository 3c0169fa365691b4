package app.kindred.core;

import java.util.Optional;

import org.springframework.http.HttpStatus;

/**
 * A request the rules or the current state do not allow; nothing was changed. It is the
 * one way a module says no: it carries the message key shown to the person, in their
 * language, the status it answers, and the form field it belongs to, if any. Pages and
 * the API map it in one place each ({@code core.web.PageErrors}, {@code ApiProblems}); a
 * page that shows the refusal beside the form it came from uses
 * {@code core.web.Refusals}.
 */
public class Refused extends RuntimeException {

	private final String key;

	private final HttpStatus status;

	private final String field;

	private Refused(String key, HttpStatus status, String field) {
		super(key);
		this.key = key;
		this.status = status;
		this.field = field;
	}

	/** What the state allows has changed, or never allowed this: 409. */
	public static Refused conflict(String key) {
		return new Refused(key, HttpStatus.CONFLICT, null);
	}

	/** The value given for a field breaks a rule that only the module can check: 422. */
	public static Refused invalid(String field, String key) {
		return new Refused(key, HttpStatus.UNPROCESSABLE_CONTENT, field);
	}

	/** The message key of what the person is told. */
	public String key() {
		return key;
	}

	public HttpStatus status() {
		return status;
	}

	/** The form field the refusal belongs to; without one it concerns the whole page. */
	public Optional<String> field() {
		return Optional.ofNullable(field);
	}

}
