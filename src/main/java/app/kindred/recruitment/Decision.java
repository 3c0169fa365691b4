package app.kindred.recruitment;

/**
 * What a coordinator can decide about an application by hand, each with a reason for the
 * audit trail.
 */
public enum Decision {

	/**
	 * Awaiting approval: a place, or the waiting list in arrival order. Waiting: a place
	 * that is free.
	 */
	ACCEPT,
	/**
	 * Out of the running, from any live state; a freed place goes to the first on the
	 * waiting list.
	 */
	DECLINE,
	/**
	 * To the end of the waiting list, so that a freed place goes to whoever was first in
	 * line.
	 */
	RETURN

}
