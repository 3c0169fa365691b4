package app.kindred.training;

/**
 * A training, a make-up for a missed training (it counts the same), or supervision during
 * the group period.
 */
public enum SessionKind {

	TRAINING, MAKEUP, SUPERVISION;

	/** Whether attending counts towards being ready to lead a group. */
	public boolean trains() {
		return this != SUPERVISION;
	}

}
