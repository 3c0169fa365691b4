package app.kindred.meeting.web;

import java.util.Collection;

import org.springframework.validation.BindingResult;

import app.kindred.meeting.internal.DebriefNames;
import app.kindred.meeting.internal.WorkspaceService;

/**
 * Planning notes or a debrief as typed, with the version of the saved text it was typed
 * over, so that a co-mentor's save in between is caught. Strings, so that whatever comes
 * back is shown again as it was.
 */
record WritingForm(String text, String version) {

	static WritingForm of(WorkspaceService.Writing saved) {
		return new WritingForm(saved.text(), String.valueOf(saved.version()));
	}

	/**
	 * The same text over another saved version: after a conflict, saving again replaces
	 * what the co-mentor saved.
	 */
	WritingForm over(WorkspaceService.Writing saved) {
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

	/**
	 * At most {@code max} characters, and none of the {@code unnamed} names (a debrief's
	 * participants), the one found told to the mentor who typed it.
	 */
	boolean check(int max, Collection<String> unnamed, BindingResult result) {
		if (value().length() > max) {
			result.rejectValue("text", "Size", new Object[] { "", String.valueOf(max), 0 }, null);
		}
		else {
			DebriefNames.firstIn(value(), unnamed)
				.ifPresent(name -> result.rejectValue("text", "meeting.workspace.debrief.namesSomeone",
						new Object[] { name }, null));
		}
		return !result.hasErrors();
	}
}
