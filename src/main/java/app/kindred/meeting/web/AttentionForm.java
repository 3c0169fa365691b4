package app.kindred.meeting.web;

import org.springframework.validation.BindingResult;

import app.kindred.meeting.Workspaces;

/** The optional note for staff when mentors ask for attention, as typed. */
record AttentionForm(String note) {

	static AttentionForm blank() {
		return new AttentionForm("");
	}

	boolean check(BindingResult result) {
		if (note != null && note.strip().length() > Workspaces.FLAG_NOTE_MAX) {
			result.rejectValue("note", "Size", new Object[] { "", Workspaces.FLAG_NOTE_MAX, 0 }, null);
		}
		return !result.hasErrors();
	}
}
