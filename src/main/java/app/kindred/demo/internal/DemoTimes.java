package app.kindred.demo.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Times a real programme of the demo university would have: wall-clock times in Helsinki,
 * on days counted from the day the demo is seeded (its first start), so that trainings
 * and meetings fall on working days in working hours whenever it starts.
 */
public final class DemoTimes {

	public static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	private DemoTimes() {
	}

	/** The day in Helsinki when the demo is seeded. */
	public static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(HELSINKI));
	}

	/** This wall-clock time on this day in Helsinki. */
	public static Instant at(LocalDate day, int hour, int minute) {
		return LocalDateTime.of(day, LocalTime.of(hour, minute)).atZone(HELSINKI).toInstant();
	}

}
