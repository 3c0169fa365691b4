package app.kindred.meeting.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a debrief names someone: what is said in a group, and who said it, is never
 * stored. Only a safety net beside the reminder on the page: inflected forms ("Ainon")
 * are not caught.
 */
public final class DebriefNames {

	/**
	 * Shorter parts of a name ("Li") match ordinary words too often to refuse a debrief
	 * over.
	 */
	private static final int NAME_PART_MIN = 3;

	private DebriefNames() {
	}

	/**
	 * The first name or surname among these names that the text names as a whole word,
	 * ignoring case.
	 */
	public static Optional<String> firstIn(String text, Collection<String> names) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		for (var name : names) {
			for (var part : name.strip().split("\\s+")) {
				if (part.length() >= NAME_PART_MIN && Pattern
					.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(part) + "(?![\\p{L}\\p{N}])",
							Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
					.matcher(text)
					.find()) {
					return Optional.of(part);
				}
			}
		}
		return Optional.empty();
	}

}
