package app.kindred.grouping.internal;

/** A mode as a planning value; index 0 is remote, index i > 0 the (i-1)th campus. */
public record ModeRef(int index, Mode mode) {

	@Override
	public String toString() {
		return mode.toString();
	}
}
