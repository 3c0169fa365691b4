package app.kindred.meeting;

/**
 * A change refused because of the meeting's state or the time asked for; nothing changed.
 */
public class MeetingRefused extends RuntimeException {

	public enum Reason {

		/** The meeting is cancelled. */
		CANCELLED,
		/** The meeting has already started. */
		STARTED,
		/** The new time is not in the future. */
		PAST

	}

	private final Reason reason;

	MeetingRefused(Reason reason) {
		super(reason.name());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
