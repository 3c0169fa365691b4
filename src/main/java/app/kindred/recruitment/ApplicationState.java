package app.kindred.recruitment;

/**
 * PENDING only for the moment between a sign-up's commit and the allocator's decision; then SEATED or WAITING, and
 * WITHDRAWN when the person steps back.
 */
public enum ApplicationState {
	PENDING, SEATED, WAITING, WITHDRAWN;

	/** Still in the running: its answers can change and it can be withdrawn. */
	public boolean live() {
		return this != WITHDRAWN;
	}
}
