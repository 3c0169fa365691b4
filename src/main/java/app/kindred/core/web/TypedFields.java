package app.kindred.core.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.validation.BindingResult;

/**
 * Values typed into forms that keep them as strings (so a wrong one comes back at its
 * field as typed): read, or rejected at the field with the message every form uses.
 */
public final class TypedFields {

	private TypedFields() {
	}

	/**
	 * A wall-clock time from a {@code datetime-local} field, in the zone and in
	 * {@link Dates}' range; null and an error if it is not one.
	 */
	public static Instant instant(String typed, ZoneId zone, String field, BindingResult result) {
		try {
			return Dates.parseDateTime(typed).atZone(zone).toInstant();
		}
		catch (DateTimeException e) {
			result.rejectValue(field, "typeMismatch.java.time.LocalDateTime");
			return null;
		}
	}

	/**
	 * A day from a {@code date} field, in {@link Dates}' range; null and an error if it
	 * is not one.
	 */
	public static LocalDate date(String typed, String field, BindingResult result) {
		try {
			return Dates.parseDate(typed);
		}
		catch (DateTimeException e) {
			result.rejectValue(field, "typeMismatch.java.time.LocalDate");
			return null;
		}
	}

	/**
	 * A whole number from min to max; otherwise an error at the field, {@code outOfRange}
	 * naming the range.
	 */
	public static long number(String typed, long min, long max, String field, String outOfRange, BindingResult result) {
		try {
			long value = Long.parseLong(typed == null ? "" : typed.strip());
			if (value < min || value > max) {
				result.rejectValue(field, outOfRange);
			}
			return value;
		}
		catch (NumberFormatException e) {
			result.rejectValue(field, "typeMismatch.java.lang.Integer");
			return -1;
		}
	}

}
