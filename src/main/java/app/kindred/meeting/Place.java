package app.kindred.meeting;

import java.util.ArrayList;

/**
 * Where a meeting is: a campus with perhaps a room, a video link, or both. Any part may
 * be null.
 */
public record Place(String campus, String room, String videoLink) {

	public static final Place NONE = new Place(null, null, null);

	public Place {
		campus = blankToNull(campus);
		room = campus == null ? null : blankToNull(room);
		videoLink = blankToNull(videoLink);
	}

	public boolean remote() {
		return campus == null;
	}

	public boolean isEmpty() {
		return campus == null && videoLink == null;
	}

	/** "Campus, room" on campus, else null. */
	public String onCampus() {
		return campus == null ? null : room == null ? campus : campus + ", " + room;
	}

	/** Everything in one line, for calendars and mail: the same in every language. */
	public String text() {
		var parts = new ArrayList<String>();
		if (campus != null) {
			parts.add(onCampus());
		}
		if (videoLink != null) {
			parts.add(videoLink);
		}
		return String.join(" · ", parts);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
