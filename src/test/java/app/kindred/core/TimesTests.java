package app.kindred.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * One way to write a time per language, wherever it is written: Finnish and Swedish (as
 * in Finland) 16.15, English 16:15; and calendar files carry their name.
 */
class TimesTests {

	private static final LocalDateTime QUARTER_PAST_FOUR = LocalDateTime.of(2027, 9, 1, 16, 15);

	@Test
	void timesOfDayFollowOneConventionPerLanguage() {
		assertThat(Times.time(Language.FI.locale()).format(LocalTime.of(16, 15))).isEqualTo("16.15");
		assertThat(Times.time(Language.SV.locale()).format(LocalTime.of(16, 15))).isEqualTo("16.15");
		assertThat(Times.time(Language.EN.locale()).format(LocalTime.of(16, 15))).isEqualTo("16:15");
		// English however the locale came, never a 12-hour clock
		assertThat(Times.time(Locale.US).format(LocalTime.of(16, 15))).isEqualTo("16:15");
	}

	@Test
	void datesWithTimesKeepEachLanguagesDateAndTheOneTime() {
		assertThat(Times.dateTime(FormatStyle.MEDIUM, Language.SV.locale()).format(QUARTER_PAST_FOUR))
			.isEqualTo("1 sep. 2027 16.15");
		assertThat(Times.dateTime(FormatStyle.MEDIUM, Language.FI.locale()).format(QUARTER_PAST_FOUR))
			.isEqualTo("1.9.2027 16.15");
		assertThat(Times.dateTime(FormatStyle.MEDIUM, Language.EN.locale()).format(QUARTER_PAST_FOUR))
			.isEqualTo("1 Sept 2027, 16:15");
		assertThat(Times.dateTime(FormatStyle.FULL, Language.SV.locale()).format(QUARTER_PAST_FOUR))
			.isEqualTo("onsdag 1 september 2027 16.15");
	}

	@Test
	void aCalendarFileCarriesItsName() {
		var file = new String(
				CalendarEvent.file("Kindred: träffar och utbildningar",
						List.of(new CalendarEvent("one@kindred", Instant.parse("2027-09-01T13:15:00Z"),
								Instant.parse("2027-09-01T15:15:00Z"), "Träff 1", null, null, false))),
				StandardCharsets.UTF_8);

		assertThat(file).contains("\r\nNAME:Kindred: träffar och utbildningar\r\n",
				"\r\nX-WR-CALNAME:Kindred: träffar och utbildningar\r\n");
	}

}
