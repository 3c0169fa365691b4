package app.kindred.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages Kindred speaks, and in which groups can meet. */
public enum Language {

	EN, FI, SV;

	/**
	 * English is written the British way, with a 24-hour clock, as at Finnish
	 * universities.
	 */
	public Locale locale() {
		return this == EN ? Locale.UK : Locale.forLanguageTag(code());
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Language> fromCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		var normalized = code.trim().toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(l -> l.code().equals(normalized)).findFirst();
	}

	public static Language of(Locale locale) {
		return locale == null ? EN : fromCode(locale.getLanguage()).orElse(EN);
	}

}
