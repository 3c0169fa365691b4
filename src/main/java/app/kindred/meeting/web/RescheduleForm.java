package app.kindred.meeting.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.springframework.validation.BindingResult;

import app.kindred.core.web.Dates;
import app.kindred.core.web.TypedFields;
import app.kindred.meeting.Meeting;

/**
 * A meeting's new time as typed: a wall-clock time in the organisation's zone, and its
 * length. Kept as strings so a wrong value comes back at its field with what was typed.
 */
record RescheduleForm(String startsAt, String minutes) {

	static RescheduleForm of(Meeting meeting, ZoneId zone) {
		return new RescheduleForm(Dates.inputValue(meeting.startsAt(), zone), String.valueOf(meeting.minutes()));
	}

	record Checked(Instant startsAt, int minutes) {
	}

	/** The checked values, or empty with each problem at its field. */
	Optional<Checked> check(ZoneId zone, Instant now, BindingResult result) {
		var start = TypedFields.instant(startsAt, zone, "startsAt", result);
		if (start != null && !start.isAfter(now)) {
			result.rejectValue("startsAt", "meeting.refused.PAST");
		}
		int length = (int) TypedFields.number(minutes, 15, 600, "minutes", "meeting.minutesRange", result);
		return result.hasErrors() ? Optional.empty() : Optional.of(new Checked(start, length));
	}
}
