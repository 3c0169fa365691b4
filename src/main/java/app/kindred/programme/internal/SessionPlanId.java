package app.kindred.programme.internal;

import java.util.UUID;

/** A session plan: Kindred's shipped plan or one an organisation owns. */
public record SessionPlanId(UUID value) {

	/** The bare UUID, as it stands in paths and links built from this id. */
	@Override
	public String toString() {
		return value.toString();
	}

}
