package app.kindred.meeting.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import app.kindred.recruitment.Call;

/**
 * When a group's meetings are: on the group's weekday and time from the first such day on
 * or after the term's start, every week or every other week, passing over any date in a
 * break (the next meeting keeps the rhythm, so a fortnightly group skips two weeks).
 * Times are wall-clock times in the organisation's zone, so 16:15 stays 16:15 across a
 * daylight-saving change.
 */
final class MeetingSchedule {

	/**
	 * Far enough for any term; a break that swallows every date cannot make the loop run
	 * forever.
	 */
	private static final int MAX_WEEKS = 520;

	private MeetingSchedule() {
	}

	static List<Instant> starts(LocalDate termStart, Call.Slot slot, int count, int intervalWeeks,
			List<MeetingBreak> breaks, ZoneId zone) {
		if (count < 0 || intervalWeeks < 1) {
			throw new IllegalArgumentException("count " + count + ", interval " + intervalWeeks);
		}
		var starts = new ArrayList<Instant>();
		var day = termStart.with(TemporalAdjusters.nextOrSame(slot.day()));
		for (int weeks = 0; starts.size() < count && weeks <= MAX_WEEKS; weeks += intervalWeeks) {
			var candidate = day.plusWeeks(weeks);
			if (breaks.stream().noneMatch(b -> b.covers(candidate))) {
				starts.add(LocalDateTime.of(candidate, slot.starts()).atZone(zone).toInstant());
			}
		}
		return starts;
	}

}
