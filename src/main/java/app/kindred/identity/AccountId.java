package app.kindred.identity;

import java.io.Serializable;
import java.util.UUID;

/** Serializable, as the signed-in person holds it in the session the instances share. */
public record AccountId(UUID value) implements Serializable {

	public static AccountId random() {
		return new AccountId(UUID.randomUUID());
	}

	/** The bare UUID, as it stands in paths and links built from this id. */
	@Override
	public String toString() {
		return value.toString();
	}

}
