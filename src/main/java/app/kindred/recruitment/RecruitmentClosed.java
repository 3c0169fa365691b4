package app.kindred.recruitment;

/** A sign-up outside its window, or by someone the programme's rule leaves out; nothing was stored. */
public class RecruitmentClosed extends RuntimeException {

	public enum Reason {
		NOT_OPEN_YET, CLOSED, NOT_ELIGIBLE
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
