package app.kindred.meeting.web;

import org.springframework.validation.BindingResult;

import app.kindred.meeting.Workspaces;

/**
 * Planning notes or a debrief as typed, with the version of the saved text it was typed
 * over, so that a co-mentor's save in between is caught. Strings, so that whatever comes
 * back is shown again as it was.
 */
record WritingForm(String text, String version) {

	static WritingForm of(Workspaces.Writing saved) {
		return new WritingForm(saved.text(), String.valueOf(saved.version()));
	}

	/**
	 * The same text over another saved version: after a conflict, saving again replaces
	 * what the co-mentor saved.
	 */
	WritingForm over(Workspaces.Writing saved) {
		return new WritingForm(text, String.valueOf(saved.version()));
	}

	String value() {
		return text == null ? "" : text.strip();
	}

	/**
	 * The version typed over; a forged or missing one never matches a saved text, so it
	 * is caught as a conflict.
	 */
	int seenVersion() {
		try {
			return Integer.parseInt(version == null ? "" : version.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	boolean check(int max, BindingResult result) {
		if (value().length() > max) {
			result.rejectValue("text", "Size", new Object[] { "", String.valueOf(max), 0 }, null);
		}
		return !result.hasErrors();
	}
}
