package app.kindred.core.web;

import java.beans.PropertyEditorSupport;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.format.Formatter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * What every form, query and path parameter goes through before a controller sees it, for
 * pages and the API alike. Text holding NUL, other control characters or half of a
 * surrogate pair is refused as a type mismatch at its field: PostgreSQL rejects NUL in
 * text (a 500 otherwise) and neither is anything a person types. Dates and date-times are
 * read strictly as ISO ({@code 2027-09-01}, {@code 2027-09-01T16:15}) and only within
 * {@link Dates}' range.
 */
@ControllerAdvice
class InputBinding {

	@InitBinder
	void refuseUnstorableText(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new TextEditor());
	}

	/**
	 * Whether text can be stored and shown: no NUL or other control characters but tab
	 * and line breaks, no lone surrogates.
	 */
	static boolean storable(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return false;
			}
			if (Character.isLowSurrogate(c) || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
				return false;
			}
		}
		return true;
	}

	private static final class TextEditor extends PropertyEditorSupport {

		@Override
		public void setAsText(String text) {
			if (text != null && !storable(text)) {
				throw new IllegalArgumentException("text with characters that cannot be stored");
			}
			setValue(text);
		}

		@Override
		public String getAsText() {
			var value = getValue();
			return value == null ? "" : value.toString();
		}

	}

	static final class DateFormatter implements Formatter<LocalDate> {

		@Override
		public LocalDate parse(String text, Locale locale) {
			return Dates.parseDate(text);
		}

		@Override
		public String print(LocalDate date, Locale locale) {
			return date.toString();
		}

	}

	static final class LocalDateTimeFormatter implements Formatter<LocalDateTime> {

		private static final DateTimeFormatter TO_THE_MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

		@Override
		public LocalDateTime parse(String text, Locale locale) throws DateTimeException {
			return Dates.parseDateTime(text);
		}

		/**
		 * To the minute, whatever the value holds: a {@code datetime-local} field (step
		 * 60 seconds) shows nothing for a value with fractions of a second and refuses to
		 * send one with seconds.
		 */
		@Override
		public String print(LocalDateTime dateTime, Locale locale) {
			return dateTime.format(TO_THE_MINUTE);
		}

	}

}
