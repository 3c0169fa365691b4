package app.kindred.meeting.web;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.validation.BindingResult;

import app.kindred.core.web.TypedFields;

/**
 * A break as typed: its first and last day (the last left empty for a single day). Kept
 * as strings so a wrong value comes back at its field with what was typed.
 */
record BreakForm(String firstDay, String lastDay) {

	/** Longer than any term, so a mistyped year is caught. */
	static final int MAX_DAYS = 120;

	static BreakForm blank() {
		return new BreakForm("", "");
	}

	record Checked(LocalDate firstDay, LocalDate lastDay) {
	}

	Optional<Checked> check(BindingResult result) {
		var first = date(firstDay, "firstDay", true, result);
		var last = blank(lastDay) ? first : date(lastDay, "lastDay", false, result);
		if (first != null && last != null) {
			if (last.isBefore(first)) {
				result.rejectValue("lastDay", "meeting.break.endsBeforeStart");
			}
			else if (first.plusDays(MAX_DAYS).isBefore(last)) {
				result.rejectValue("lastDay", "meeting.break.tooLong", new Object[] { MAX_DAYS }, null);
			}
		}
		return result.hasErrors() ? Optional.empty() : Optional.of(new Checked(first, last));
	}

	private static LocalDate date(String value, String field, boolean required, BindingResult result) {
		if (blank(value)) {
			if (required) {
				result.rejectValue(field, "typeMismatch.java.time.LocalDate");
			}
			return null;
		}
		return TypedFields.date(value, field, result);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
