package app.kindred.core.web;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.regex.Pattern;

import org.springframework.context.i18n.LocaleContextHolder;
import app.kindred.core.Times;
import org.springframework.stereotype.Component;

/**
 * Dates and times for pages, as {@code ${@dates.dateTime(instant)}}: in the viewer's
 * locale format and time zone, which the locale resolver puts into the
 * {@link LocaleContextHolder} for each request.
 */
@Component("dates")
public class Dates {

	public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Helsinki");

	/**
	 * The one range every date and date-time Kindred accepts lies in, whatever the form
	 * or API: a mistyped year (99999, 12345, 0000) is refused at its field instead of
	 * being stored and mailed to a whole group.
	 */
	public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

	private static final Pattern TYPED_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern TYPED_DATE_TIME = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

	/** Whether a date lies in the accepted range. */
	public static boolean accepted(LocalDate date) {
		return date != null && !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
	}

	/**
	 * A date as a form or query sends it ({@code 2027-09-01}), within the accepted range;
	 * otherwise an exception.
	 */
	public static LocalDate parseDate(String typed) {
		var text = typed == null ? "" : typed.strip();
		if (!TYPED_DATE.matcher(text).matches()) {
			throw new DateTimeException("not a date: " + text.length() + " characters");
		}
		return inRange(LocalDate.parse(text));
	}

	/**
	 * A date-time as a {@code datetime-local} field sends it, within the accepted range;
	 * otherwise an exception.
	 */
	public static LocalDateTime parseDateTime(String typed) {
		var text = typed == null ? "" : typed.strip();
		if (!TYPED_DATE_TIME.matcher(text).matches()) {
			throw new DateTimeException("not a date-time: " + text.length() + " characters");
		}
		var parsed = LocalDateTime.parse(text);
		inRange(parsed.toLocalDate());
		return parsed;
	}

	private static LocalDate inRange(LocalDate date) {
		if (!accepted(date)) {
			throw new DateTimeException("out of range: " + date);
		}
		return date;
	}

	public ZoneId zone() {
		var timeZone = LocaleContextHolder.getTimeZone();
		return timeZone == null ? DEFAULT_ZONE : timeZone.toZoneId();
	}

	public String dateTime(Instant instant) {
		if (instant == null) {
			return "";
		}
		return Times.dateTime(FormatStyle.MEDIUM, LocaleContextHolder.getLocale()).format(instant.atZone(zone()));
	}

	public String date(LocalDate date) {
		if (date == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
			.withLocale(LocaleContextHolder.getLocale())
			.format(date);
	}

	/**
	 * A weekly time as a label in the viewer's language, such as "Monday 16:15–18:15" or
	 * "Maanantai 16.15–18.15": the times written as every other time on the page is.
	 * Weekly slots are wall-clock times where the group meets, so they are never moved
	 * into the viewer's zone.
	 */
	public String weekly(DayOfWeek day, LocalTime starts, int minutes) {
		return weekday(day) + " " + times(starts, minutes);
	}

	/**
	 * A weekly time inside a sentence ("Joka viikko: maanantai 16.15–18.15"): the
	 * weekday's name as the language writes it there, in lower case in Finnish and
	 * Swedish.
	 */
	public String weeklyInSentence(DayOfWeek day, LocalTime starts, int minutes) {
		return weekdayName(day) + " " + times(starts, minutes);
	}

	/** A weekday's name in the viewer's language, capitalised as a label. */
	public String weekday(DayOfWeek day) {
		return Times.weekday(day, LocaleContextHolder.getLocale());
	}

	private static String weekdayName(DayOfWeek day) {
		return day.getDisplayName(TextStyle.FULL_STANDALONE, LocaleContextHolder.getLocale());
	}

	private static String times(LocalTime starts, int minutes) {
		var time = Times.time(LocaleContextHolder.getLocale());
		return time.format(starts) + "–" + time.format(starts.plusMinutes(minutes));
	}

	public String zoneName() {
		return zone().getId();
	}

	/**
	 * The value an {@code <input type="datetime-local">} shows for an instant, in the
	 * given zone.
	 */
	public static String inputValue(Instant instant, ZoneId zone) {
		return instant == null ? "" : LocalDateTime.ofInstant(instant, zone).withSecond(0).withNano(0).toString();
	}

}
