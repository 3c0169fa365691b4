package app.kindred.feedback.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

import app.kindred.core.web.TypedFields;
import app.kindred.feedback.internal.Moment;

/**
 * One survey as a coordinator schedules it: a form of the library by key, a moment, and
 * optionally its window typed in the organisation's zone (both ends, or neither for the
 * default window).
 */
record ScheduleForm(@Size(max = 80) String form, String moment, @Size(max = 40) String opens,
		@Size(max = 40) String closes) {

	static ScheduleForm empty() {
		return new ScheduleForm(null, null, null, null);
	}

	record Checked(String form, Moment moment, Instant opens, Instant closes) {
	}

	Optional<Checked> check(ZoneId zone, BindingResult result) {
		if ((form == null || form.isBlank()) && !result.hasFieldErrors("form")) {
			result.rejectValue("form", "feedback.schedule.formMissing");
		}
		Moment chosen = null;
		try {
			chosen = moment == null ? null : Moment.valueOf(moment);
		}
		catch (IllegalArgumentException forged) {
			// a moment the page does not offer: refused below like a missing one
		}
		if (chosen == null) {
			result.rejectValue("moment", "feedback.schedule.momentMissing");
		}
		boolean typedOpens = opens != null && !opens.isBlank();
		boolean typedCloses = closes != null && !closes.isBlank();
		Instant from = null;
		Instant to = null;
		if (typedOpens || typedCloses) {
			from = typedOpens ? TypedFields.instant(opens, zone, "opens", result) : null;
			to = typedCloses ? TypedFields.instant(closes, zone, "closes", result) : null;
			if (!typedOpens) {
				result.rejectValue("opens", "feedback.schedule.bothEnds");
			}
			if (!typedCloses) {
				result.rejectValue("closes", "feedback.schedule.bothEnds");
			}
		}
		return result.hasErrors() ? Optional.empty() : Optional.of(new Checked(form, chosen, from, to));
	}

}
