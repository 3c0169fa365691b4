package app.kindred.recruitment;

/**
 * PENDING only for the moment between a sign-up's commit and the allocator's decision;
 * then SEATED or WAITING, or AWAITING when the call needs the coordinator's approval.
 * DECLINED when a coordinator turns someone down, and WITHDRAWN when the person steps
 * back.
 */
public enum ApplicationState {

	PENDING, AWAITING, SEATED, WAITING, DECLINED, WITHDRAWN;

	/** Still in the running: holding, waiting for, or asking for a place. */
	public boolean live() {
		return this != DECLINED && this != WITHDRAWN;
	}

}
