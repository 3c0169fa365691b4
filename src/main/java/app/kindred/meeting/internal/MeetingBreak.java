package app.kindred.meeting.internal;

import java.time.LocalDate;
import java.util.UUID;

/** Days with no meetings in a programme, first and last included. */
public record MeetingBreak(UUID id, LocalDate firstDay, LocalDate lastDay) {

	public boolean covers(LocalDate day) {
		return !day.isBefore(firstDay) && !day.isAfter(lastDay);
	}
}
