package app.kindred.training.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Optional;

import org.springframework.validation.BindingResult;

import app.kindred.core.web.TypedFields;
import app.kindred.training.SessionKind;

/**
 * A session to schedule, as typed: its start is a wall-clock time in the organisation's
 * zone. Kept as strings so a wrong value comes back at its field with what was typed.
 */
record SessionForm(String kind, String startsAt, String minutes, String place, String videoLink) {

	static SessionForm blank() {
		return new SessionForm(SessionKind.TRAINING.name(), "", "210", "", "");
	}

	/** The checked values, or empty with each problem at its field. */
	Optional<Checked> check(ZoneId zone, BindingResult result) {
		var sessionKind = Arrays.stream(SessionKind.values()).filter(k -> k.name().equals(kind)).findFirst();
		if (sessionKind.isEmpty()) {
			result.rejectValue("kind", "training.unknownChoice");
		}
		var start = TypedFields.instant(startsAt, zone, "startsAt", result);
		int length = (int) TypedFields.number(minutes, 15, 600, "minutes", "training.minutesRange", result);
		if (blank(place) && blank(videoLink)) {
			result.rejectValue("place", "training.placeOrLink");
		}
		if (!blank(place) && place.strip().length() > 200) {
			result.rejectValue("place", "Size", new Object[] { "", 200, 0 }, null);
		}
		if (!blank(videoLink) && (videoLink.strip().length() > 500 || !videoLink.strip().startsWith("https://"))) {
			result.rejectValue("videoLink", "training.videoLinkInvalid");
		}
		return result.hasErrors() ? Optional.empty() : Optional.of(new Checked(sessionKind.get(), start, length));
	}

	record Checked(SessionKind kind, Instant startsAt, int minutes) {
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
