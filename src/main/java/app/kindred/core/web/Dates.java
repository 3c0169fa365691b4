package app.kindred.core.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

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

	public String zoneName() {
		return zone().getId();
	}

	/** The value an {@code <input type="datetime-local">} shows for an instant, in the given zone. */
	public static String inputValue(Instant instant, ZoneId zone) {
		return instant == null ? "" : LocalDateTime.ofInstant(instant, zone).withSecond(0).withNano(0).toString();
	}
}
