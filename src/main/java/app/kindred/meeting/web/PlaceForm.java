package app.kindred.meeting.web;

import java.util.List;
import java.util.Optional;

import org.springframework.validation.BindingResult;

import app.kindred.meeting.Place;

/**
 * Where a group or one meeting meets, as typed: one of the programme's campuses with a
 * room, a video link, or both; for one meeting, {@code followGroup} sets it back to the
 * group's place. Strings, so what was typed comes back.
 */
record PlaceForm(String campus, String room, String videoLink, Boolean followGroup) {

	static PlaceForm of(Place place, boolean followGroup) {
		return new PlaceForm(orEmpty(place.campus()), orEmpty(place.room()), orEmpty(place.videoLink()), followGroup);
	}

	public boolean following() {
		return Boolean.TRUE.equals(followGroup);
	}

	/**
	 * The place, or empty with each problem at its field;
	 * {@code Optional.of(Optional.empty())} when the meeting is to follow its group.
	 */
	Optional<Optional<Place>> check(List<String> campuses, BindingResult result) {
		if (following()) {
			return Optional.of(Optional.empty());
		}
		if (!blank(campus) && !campuses.contains(campus.strip())) {
			result.rejectValue("campus", "meeting.unknownChoice");
		}
		if (!blank(room) && room.strip().length() > 200) {
			result.rejectValue("room", "Size", new Object[] { "", 200, 0 }, null);
		}
		else if (!blank(room) && blank(campus)) {
			result.rejectValue("room", "meeting.place.roomNeedsCampus");
		}
		if (!blank(videoLink) && (videoLink.strip().length() > 500 || !videoLink.strip().startsWith("https://"))) {
			result.rejectValue("videoLink", "meeting.place.videoLinkInvalid");
		}
		if (blank(campus) && blank(videoLink)) {
			result.rejectValue("campus", "meeting.place.campusOrLink");
		}
		return result.hasErrors() ? Optional.empty() : Optional.of(Optional.of(new Place(campus, room, videoLink)));
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}
}
