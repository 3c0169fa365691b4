package app.kindred.assessment.web;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.validation.BindingResult;

import app.kindred.assessment.internal.DiaryService;
import app.kindred.core.web.Dates;
import app.kindred.core.web.TypedFields;

/**
 * A diary entry as typed: its date, what it is about ({@code TRAINING:<id>},
 * {@code SUPERVISION:<id>}, {@code MEETING:<id>} or empty) and its text. Strings, so
 * whatever comes back is shown again as it was.
 */
record EntryForm(String date, String occasion, String text) {

	static EntryForm blank(LocalDate date, String occasion) {
		return new EntryForm(date.toString(), occasion == null ? "" : occasion, "");
	}

	/**
	 * The entry to save, or empty with each problem at its field: a date within the
	 * diary's days and not in the future, one of the writer's own occasions, and a text
	 * of 1 to 20 000 characters that names no participant of their group ({@code named}
	 * finds one).
	 */
	Optional<DiaryService.Draft> check(DiaryService.Rules rules, Function<String, Optional<String>> named, Dates dates,
			BindingResult result) {
		var day = TypedFields.date(date, "date", result);
		if (day != null && day.isAfter(rules.today())) {
			result.rejectValue("date", "assessment.diary.date.future");
		}
		else if (day != null
				&& (day.isAfter(rules.latest()) || (rules.earliest() != null && day.isBefore(rules.earliest())))) {
			result.rejectValue("date", "assessment.diary.date.outside",
					new Object[] { dates.date(rules.earliest()), dates.date(rules.latest()) }, null);
		}
		DiaryService.Choice choice = null;
		if (occasion != null && !occasion.isBlank()) {
			choice = rules.choice(occasion.strip()).orElse(null);
			if (choice == null) {
				result.rejectValue("occasion", "assessment.diary.occasion.unknown");
			}
		}
		var value = value();
		if (value.isEmpty()) {
			result.rejectValue("text", "assessment.diary.text.required");
		}
		else if (value.length() > DiaryService.TEXT_MAX) {
			result.rejectValue("text", "assessment.diary.text.size", new Object[] { DiaryService.TEXT_MAX }, null);
		}
		else {
			named.apply(value)
				.ifPresent(name -> result.rejectValue("text", "assessment.diary.text.namesSomeone",
						new Object[] { name }, null));
		}
		return result.hasErrors() ? Optional.empty() : Optional.of(new DiaryService.Draft(day, choice, value));
	}

	String value() {
		return text == null ? "" : text.strip();
	}

}
