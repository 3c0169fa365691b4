package app.kindred.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Whichever day the demo is first started, the campus group has held four meetings and
 * the online group three, neither meets on that day, and both meet on a weekday from
 * Monday to Thursday: the integration test sees only the day it runs on.
 */
class DemoMeetingPhaseTermTests {

	@Test
	void campusGroupFourMeetingsHeldOnlineGroupThreeOnEveryDayOfTheWeek() {
		var monday = LocalDate.of(2026, 12, 7);
		for (var today : IntStream.range(0, 14).mapToObj(monday::plusDays).toList()) {
			var term = DemoMeetingPhase.Term.from(today);
			assertThat(term.campusDay()).as("on %s", today)
				.isNotEqualTo(term.onlineDay())
				.isNotEqualTo(today.getDayOfWeek());
			assertThat(term.onlineDay()).as("on %s", today).isNotEqualTo(today.getDayOfWeek());
			assertThat(List.of(term.campusDay(), term.onlineDay())).as("on %s", today)
				.allSatisfy(day -> assertThat(day).isBetween(DayOfWeek.MONDAY, DayOfWeek.THURSDAY));
			assertThat(held(term.start(), term.campusDay(), today)).as("campus, on %s", today)
				.isEqualTo(DemoMeetingPhase.HELD_ON_CAMPUS);
			assertThat(held(term.start(), term.onlineDay(), today)).as("online, on %s", today)
				.isEqualTo(DemoMeetingPhase.HELD_ONLINE);
		}
	}

	/**
	 * The group's meetings before today, weekly from the first of its weekday on or after
	 * the term's start, as the meeting module schedules them.
	 */
	private static long held(LocalDate termStart, DayOfWeek day, LocalDate today) {
		var first = termStart.with(TemporalAdjusters.nextOrSame(day));
		return IntStream.range(0, DemoMeetingPhase.MEETINGS)
			.mapToObj(first::plusWeeks)
			.filter(d -> d.isBefore(today))
			.count();
	}

}
