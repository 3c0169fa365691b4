package app.kindred.core;

import java.time.DayOfWeek;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times of day written one way per language everywhere, on pages, in e-mails and in
 * calendar files: Finnish {@code 16.15}, Swedish as written in Finland {@code 16.15},
 * English {@code 16:15}. Dates stay as each language writes them; the JDK's own Swedish
 * data would write {@code 16:15}, as in Sweden.
 */
public final class Times {

	private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

	private Times() {
	}

	/** A time of day, such as 16.15 or 16:15. */
	public static DateTimeFormatter time(Locale locale) {
		var language = Language.of(locale);
		return FORMATTERS.computeIfAbsent("time-" + language,
				k -> DateTimeFormatter.ofPattern(timePattern(language), language.locale()));
	}

	/** A weekday's name capitalised as a label: "Maanantai", "Måndag", "Monday". */
	public static String weekday(DayOfWeek day, Locale locale) {
		var name = day.getDisplayName(TextStyle.FULL_STANDALONE, locale);
		return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
	}

	/** A date in the given style with its time, such as "1.9.2027 16.15". */
	public static DateTimeFormatter dateTime(FormatStyle dateStyle, Locale locale) {
		var language = Language.of(locale);
		return FORMATTERS.computeIfAbsent(dateStyle + "-" + language, k -> {
			var chronology = IsoChronology.INSTANCE;
			var pattern = DateTimeFormatterBuilder.getLocalizedDateTimePattern(dateStyle, FormatStyle.SHORT, chronology,
					language.locale());
			var time = DateTimeFormatterBuilder.getLocalizedDateTimePattern(null, FormatStyle.SHORT, chronology,
					language.locale());
			return DateTimeFormatter.ofPattern(pattern.replace(time, timePattern(language)), language.locale());
		});
	}

	private static String timePattern(Language language) {
		return switch (language) {
			case FI -> "H.mm";
			case SV -> "HH.mm";
			case EN -> "HH:mm";
		};
	}

}
