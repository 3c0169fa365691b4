package app.kindred.grouping.web;

import app.kindred.core.Language;
import app.kindred.grouping.internal.Mode;

/**
 * A new, empty group as chosen: a weekly time, a language, and "remote" or a campus's
 * name. What the programme offers is checked by the proposal; a refusal comes back at its
 * field, with what was chosen kept.
 */
record NewGroupForm(String slot, String language, String place) {

	static NewGroupForm initial() {
		return new NewGroupForm(null, null, null);
	}

	String slotKey() {
		return slot == null ? "" : slot;
	}

	Language chosenLanguage() {
		return Language.fromCode(language).orElse(null);
	}

	Mode mode() {
		return "remote".equals(place) ? Mode.REMOTE : Mode.onCampus(place == null ? "" : place);
	}
}
