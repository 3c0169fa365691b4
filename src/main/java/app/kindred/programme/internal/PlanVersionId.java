package app.kindred.programme.internal;

import java.util.UUID;

/** One version of a session plan; what a programme uses. */
public record PlanVersionId(UUID value) {

	/** The bare UUID, as it stands in paths and links built from this id. */
	@Override
	public String toString() {
		return value.toString();
	}

}
