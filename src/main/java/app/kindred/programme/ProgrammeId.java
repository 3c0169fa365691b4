package app.kindred.programme;

import java.util.UUID;

public record ProgrammeId(UUID value) {

	/** The bare UUID, as it stands in paths and links built from this id. */
	@Override
	public String toString() {
		return value.toString();
	}

}
