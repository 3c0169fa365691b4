package app.kindred.organisation;

import java.util.UUID;

public record OrganisationId(UUID value) {

	/** The bare UUID, as it stands in paths and links built from this id. */
	@Override
	public String toString() {
		return value.toString();
	}

}
