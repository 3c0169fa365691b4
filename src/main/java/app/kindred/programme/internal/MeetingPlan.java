package app.kindred.programme.internal;

import java.util.Map;

import app.kindred.core.Language;

/** One meeting of a plan version, numbered from 1, in every language it is written in. */
public record MeetingPlan(int number, Map<Language, MeetingText> texts) {

	public MeetingPlan {
		texts = Map.copyOf(texts);
	}

	/**
	 * The text in the wanted language, else in English, else in any language it is
	 * written in.
	 */
	public MeetingText text(Language wanted) {
		return texts.get(textLanguage(wanted));
	}

	public Language textLanguage(Language wanted) {
		if (texts.containsKey(wanted)) {
			return wanted;
		}
		if (texts.containsKey(Language.EN)) {
			return Language.EN;
		}
		return texts.keySet().stream().sorted().findFirst().orElseThrow();
	}
}
