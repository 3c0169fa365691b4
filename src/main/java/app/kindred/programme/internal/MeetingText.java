package app.kindred.programme.internal;

import java.util.List;

import app.kindred.programme.MeetingVariant;
import app.kindred.programme.OutlineItem;

/**
 * One meeting of a plan in one language: its theme, aims, timed outline and exercise
 * instructions, with what differs for remote and on-campus groups. Every text but the
 * theme and the outline may be null.
 */
public record MeetingText(String theme, String aims, List<OutlineItem> outline, String instructions,
		String remoteInstructions, String campusInstructions) {

	public MeetingText {
		outline = List.copyOf(outline);
	}

	public int totalMinutes() {
		return outline.stream().mapToInt(OutlineItem::minutes).sum();
	}

	/** What only groups meeting this way need to know, or null when nothing differs. */
	public String instructionsFor(MeetingVariant variant) {
		return variant == MeetingVariant.REMOTE ? remoteInstructions : campusInstructions;
	}
}
