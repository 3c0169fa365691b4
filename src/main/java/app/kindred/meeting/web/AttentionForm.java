package app.kindred.meeting.web;

import jakarta.validation.constraints.Size;

import app.kindred.meeting.internal.StaffAttentionService;

/**
 * The optional note for staff when mentors ask for attention, as typed; measured without
 * the blanks around it, which are not stored.
 */
record AttentionForm(@Size(max = StaffAttentionService.NOTE_MAX) String note) {

	AttentionForm {
		note = note == null ? null : note.strip();
	}

	static AttentionForm blank() {
		return new AttentionForm("");
	}

}
