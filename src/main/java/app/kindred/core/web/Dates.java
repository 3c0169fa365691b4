package app.kindred.core.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates and times for pages, as {@code ${@dates.dateTime(instant)}}: in the viewer's locale format and time zone,
 * which the locale resolver puts into the {@link LocaleContextHolder} for each request.
 */
@Component("dates")
public class Dates {

	public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Helsinki");

	public ZoneId zone() {
		var timeZone = LocaleContextHolder.getTimeZone();
		return timeZone == null ? DEFAULT_ZONE : timeZone.toZoneId();
	}

	public String dateTime(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(LocaleContextHolder.getLocale())
			.format(instant.atZone(zone()));
	}

	public String date(LocalDate date) {
		if (date == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale()).format(date);
	}

	/**
	 * A weekly time in the viewer's language, such as "Monday 16:15–18:15". Weekly slots are wall-clock times where
	 * the group meets, so they are never moved into the viewer's zone.
	 */
	public String weekly(DayOfWeek day, LocalTime starts, int minutes) {
		var time = DateTimeFormatter.ofPattern("HH:mm", LocaleContextHolder.getLocale());
		return weekday(day) + " " + time.format(starts) + "–" + time.format(starts.plusMinutes(minutes));
	}

	/** A weekday's name in the viewer's language, capitalised as a label. */
	public String weekday(DayOfWeek day) {
		var name = day.getDisplayName(TextStyle.FULL_STANDALONE, LocaleContextHolder.getLocale());
		return Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	public String zoneName() {
		return zone().getId();
	}

	/** The value an {@code <input type="datetime-local">} shows for an instant, in the given zone. */
	public static String inputValue(Instant instant, ZoneId zone) {
		return instant == null ? "" : LocalDateTime.ofInstant(instant, zone).withSecond(0).withNano(0).toString();
	}
}
