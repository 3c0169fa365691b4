package app.kindred.programme;

import java.util.List;

import app.kindred.core.Language;

/**
 * The full plan of one meeting as a group's mentors read it: in the group's language (or
 * the nearest one written) and with the instructions for how the group meets.
 */
public record MentorMeeting(int number, Language language, String theme, String aims, List<OutlineItem> outline,
		int totalMinutes, String instructions, String variantInstructions) {
}
