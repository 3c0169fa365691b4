package app.kindred.grouping.web;

import java.util.UUID;

import app.kindred.core.NotFoundException;

/** Ids typed into the groups page's forms. */
final class FormIds {

	private FormIds() {
	}

	/** The id a form names; anything else names nothing there is (404). */
	static UUID uuid(String value) {
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new NotFoundException("person or group");
		}
	}

}
