package app.kindred.assessment.internal;

import java.util.Locale;

/**
 * What a mentor rates about a co-mentor, each on the course's scale. Stored by name, so
 * the order and the texts (in the messages) can change without touching answers given.
 */
public enum PeerQuestion {

	/** Came to the meetings prepared, and planned them together. */
	PREPARATION,
	/** Carried a fair share of leading the group and of the work between meetings. */
	SHARING,
	/** Helped make the group a safe, warm and compassionate space. */
	SAFE_SPACE,
	/** Reflected together after the meetings, openly and kindly. */
	REFLECTION,
	/** Kept to what was agreed, listened and told in time. */
	COOPERATION;

	/** The form field of its rating: the name in camel case ({@code safeSpace}). */
	public String field() {
		var words = name().toLowerCase(Locale.ROOT).split("_");
		var field = new StringBuilder(words[0]);
		for (int i = 1; i < words.length; i++) {
			field.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
		}
		return field.toString();
	}

	/** The message key of the question as the evaluating mentor reads it. */
	public String key() {
		return "assessment.peer.question." + name();
	}

}
