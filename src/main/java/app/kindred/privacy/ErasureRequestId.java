package app.kindred.privacy;

import java.util.UUID;

/** A person's request to be erased. */
public record ErasureRequestId(UUID value) {

	/** The bare UUID, as it stands in paths and links built from this id. */
	@Override
	public String toString() {
		return value.toString();
	}

}
