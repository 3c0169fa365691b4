package app.kindred.identity;

import java.util.UUID;

public record AccountId(UUID value) {

	public static AccountId random() {
		return new AccountId(UUID.randomUUID());
	}

	/** The bare UUID, as it stands in paths and links built from this id. */
	@Override
	public String toString() {
		return value.toString();
	}

}
