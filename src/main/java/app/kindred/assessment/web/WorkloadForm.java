package app.kindred.assessment.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

import app.kindred.assessment.internal.WorkloadPart;
import app.kindred.assessment.internal.WorkloadService;
import app.kindred.core.web.Dates;
import app.kindred.core.web.TypedFields;

/**
 * Hours logged by hand, as typed: the part, the day, whole hours and minutes (two fields
 * rather than decimal hours, which read differently in Finnish and English), and a short
 * note. Kept as strings so a wrong value comes back at its field with what was typed.
 */
record WorkloadForm(String part, String date, String hours, String minutes,
		@NotBlank @Size(max = WorkloadService.NOTE_MAX) String note) {

	static WorkloadForm blank(LocalDate today) {
		return new WorkloadForm("", today.toString(), "", "", "");
	}

	record Checked(WorkloadPart part, LocalDate date, int minutes, String note) {
	}

	Optional<Checked> check(WorkloadService.Days days, Dates dates, BindingResult result) {
		var chosen = Arrays.stream(WorkloadPart.values()).filter(p -> p.name().equals(part)).findFirst();
		if (chosen.isEmpty()) {
			result.rejectValue("part", "assessment.workload.part.invalid");
		}
		LocalDate day = null;
		if (date == null || date.isBlank()) {
			result.rejectValue("date", "typeMismatch.java.time.LocalDate");
		}
		else {
			day = TypedFields.date(date, "date", result);
			if (day != null && !days.contain(day)) {
				result.rejectValue("date", "assessment.workload.date.outside",
						new Object[] { dates.date(days.first()), dates.date(days.last()) }, null);
			}
		}
		long wholeHours = blank(hours) ? 0
				: TypedFields.number(hours, 0, 24, "hours", "assessment.workload.hours.range", result);
		long restMinutes = blank(minutes) ? 0
				: TypedFields.number(minutes, 0, 59, "minutes", "assessment.workload.minutes.range", result);
		long total = wholeHours * 60 + restMinutes;
		if (!result.hasFieldErrors("hours") && !result.hasFieldErrors("minutes")
				&& (total < 1 || total > WorkloadService.MAX_MINUTES)) {
			result.rejectValue("hours", "assessment.workload.hours.range");
		}
		if (result.hasErrors()) {
			return Optional.empty();
		}
		return Optional.of(new Checked(chosen.get(), day, (int) total, note.strip()));
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
