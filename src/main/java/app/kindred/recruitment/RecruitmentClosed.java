package app.kindred.recruitment;

/**
 * A sign-up or a change of answers outside its window, by someone the programme's rule
 * leaves out, or to an application no longer live; nothing was stored.
 */
public class RecruitmentClosed extends RuntimeException {

	public enum Reason {

		NOT_OPEN_YET, CLOSED, NOT_ELIGIBLE, NOT_LIVE

	}

	private final Reason reason;

	RecruitmentClosed(Reason reason) {
		super(reason.name());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
