package app.kindred.training;

/** A change to a session that is cancelled or has already started; nothing changed. */
public class TrainingRefused extends RuntimeException {

	public enum Reason {

		CANCELLED, STARTED

	}

	private final Reason reason;

	TrainingRefused(Reason reason) {
		super(reason.name());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
