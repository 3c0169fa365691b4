package app.kindred.meeting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.kindred.recruitment.Call;

class MeetingScheduleTests {

	private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

	private static final Call.Slot TUESDAY_1615 = Call.Slot.ofKey("TUE1615").orElseThrow();

	@Test
	void weeklyFromTheFirstSlotDayOnOrAfterTheTermStart() {
		// The term starts on a Thursday: the first Tuesday after it
		var starts = MeetingSchedule.starts(LocalDate.of(2026, 9, 3), TUESDAY_1615, 3, 1, List.of(), HELSINKI);
		assertThat(local(starts)).containsExactly(at(2026, 9, 8), at(2026, 9, 15), at(2026, 9, 22));
	}

	@Test
	void startsOnTheTermStartWhenItIsTheSlotDay() {
		var starts = MeetingSchedule.starts(LocalDate.of(2026, 9, 8), TUESDAY_1615, 1, 1, List.of(), HELSINKI);
		assertThat(local(starts)).containsExactly(at(2026, 9, 8));
	}

	@Test
	void fortnightly() {
		var starts = MeetingSchedule.starts(LocalDate.of(2026, 9, 8), TUESDAY_1615, 4, 2, List.of(), HELSINKI);
		assertThat(local(starts)).containsExactly(at(2026, 9, 8), at(2026, 9, 22), at(2026, 10, 6), at(2026, 10, 20));
	}

	@Test
	void skipsDatesInBreaksAndKeepsTheCount() {
		var autumnHoliday = new MeetingBreak(UUID.randomUUID(), LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 18));
		var oneDay = new MeetingBreak(UUID.randomUUID(), LocalDate.of(2026, 10, 27), LocalDate.of(2026, 10, 27));
		var starts = MeetingSchedule.starts(LocalDate.of(2026, 9, 29), TUESDAY_1615, 6, 1,
				List.of(autumnHoliday, oneDay), HELSINKI);
		assertThat(local(starts)).containsExactly(at(2026, 9, 29), at(2026, 10, 6), at(2026, 10, 20), at(2026, 11, 3),
				at(2026, 11, 10), at(2026, 11, 17));
	}

	@Test
	void aFortnightlyGroupKeepsItsRhythmAcrossABreak() {
		var holiday = new MeetingBreak(UUID.randomUUID(), LocalDate.of(2026, 10, 19), LocalDate.of(2026, 10, 25));
		var starts = MeetingSchedule.starts(LocalDate.of(2026, 10, 6), TUESDAY_1615, 3, 2, List.of(holiday), HELSINKI);
		assertThat(local(starts)).containsExactly(at(2026, 10, 6), at(2026, 11, 3), at(2026, 11, 17));
	}

	@Test
	void keeps1615LocalAcrossTheEndOfSummerTimeOnTheLastSundayOfOctober() {
		// Summer time in Helsinki ends on Sunday 25 October 2026: UTC+3 before, UTC+2
		// after
		var starts = MeetingSchedule.starts(LocalDate.of(2026, 10, 13), TUESDAY_1615, 3, 1, List.of(), HELSINKI);
		assertThat(starts).containsExactly(Instant.parse("2026-10-13T13:15:00Z"), Instant.parse("2026-10-20T13:15:00Z"),
				Instant.parse("2026-10-27T14:15:00Z"));
		assertThat(local(starts)).allSatisfy(t -> assertThat(t.toLocalTime()).isEqualTo(LocalTime.of(16, 15)));
	}

	@Test
	void aBreakCoveringEverythingEndsTheScheduleInsteadOfLoopingForever() {
		var forever = new MeetingBreak(UUID.randomUUID(), LocalDate.of(2026, 1, 1), LocalDate.of(2100, 1, 1));
		assertThat(MeetingSchedule.starts(LocalDate.of(2026, 9, 1), TUESDAY_1615, 6, 1, List.of(forever), HELSINKI))
			.isEmpty();
	}

	@Test
	void refusesAnIntervalOfNoWeeks() {
		assertThatThrownBy(
				() -> MeetingSchedule.starts(LocalDate.of(2026, 9, 1), TUESDAY_1615, 6, 0, List.of(), HELSINKI))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static LocalDateTime at(int year, int month, int day) {
		return LocalDateTime.of(year, month, day, 16, 15);
	}

	private static List<LocalDateTime> local(List<Instant> starts) {
		assertThat(starts).allSatisfy(
				s -> assertThat(ZonedDateTime.ofInstant(s, HELSINKI).getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY));
		return starts.stream().map(s -> LocalDateTime.ofInstant(s, HELSINKI)).toList();
	}

}
