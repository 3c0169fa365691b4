package app.kindred.grouping.internal;

/**
 * A candidate weekly slot as a planning value; the index addresses the bit masks of
 * {@link PersonEntity}.
 */
public record SlotRef(int index, String key) {

	@Override
	public String toString() {
		return key;
	}
}
