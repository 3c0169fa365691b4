package app.kindred.recruitment;

/**
 * A hand-made decision that cannot be taken as things stand now; answered 409, and
 * nothing was changed.
 */
public class DecisionRefused extends RuntimeException {

	public enum Reason {

		/**
		 * The application is no longer in a state this decision applies to, such as one
		 * withdrawn meanwhile.
		 */
		STALE,
		/**
		 * Approval follows arrival order: someone who arrived earlier still awaits a
		 * decision.
		 */
		EARLIER_AWAITING,
		/** Every place is taken: seats must be added first. */
		NO_FREE_SEAT,
		/**
		 * Nobody else is waiting, so the freed place would go straight back to the same
		 * person.
		 */
		NOBODY_ELSE_WAITING,
		/** A place is free, so the person would not wait: accept instead. */
		SEAT_FREE

	}

	private final Reason reason;

	DecisionRefused(Reason reason) {
		super(reason.name());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
