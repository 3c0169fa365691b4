package app.kindred.meeting;

/**
 * A change in the mentors' workspace refused because of the meeting's state or a
 * co-mentor's save; nothing changed.
 */
public class WorkspaceRefused extends RuntimeException {

	public enum Reason {

		/** The meeting is cancelled: no attendance, no debrief. */
		CANCELLED,
		/** The meeting has not started yet: no attendance, no debrief. */
		NOT_STARTED,
		/** The co-mentor saved a newer text since this one was opened. */
		CHANGED_MEANWHILE

	}

	private final Reason reason;

	WorkspaceRefused(Reason reason) {
		super(reason.name());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
