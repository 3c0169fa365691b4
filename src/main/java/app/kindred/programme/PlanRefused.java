package app.kindred.programme;

/** A change to a plan that its state does not allow; nothing was changed. */
public class PlanRefused extends RuntimeException {

	public enum Reason {

		/** Publishing needs a draft: every version already is published. */
		NO_DRAFT,
		/** Only published versions can be used by a programme. */
		NOT_PUBLISHED

	}

	private final Reason reason;

	public PlanRefused(Reason reason) {
		super(reason.name());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
