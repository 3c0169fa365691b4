package app.kindred.announcement;

import java.util.UUID;

public record AnnouncementId(UUID value) {

	/** The bare UUID, as it stands in paths and links built from this id. */
	@Override
	public String toString() {
		return value.toString();
	}

}
