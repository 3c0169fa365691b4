package app.kindred.programme;

/** A new closing time that would not extend the window; nothing was changed. */
public class WindowNotExtended extends RuntimeException {

	public enum Reason {

		/** The new close is not in the future. */
		IN_THE_PAST,
		/**
		 * The new close is not later than the current one: a window is only ever extended
		 * here.
		 */
		NOT_LATER,
		/** The new close is after the term ends. */
		AFTER_TERM

	}

	private final Reason reason;

	WindowNotExtended(Reason reason) {
		super(reason.name());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
