package app.kindred.recruitment;

/** The two ways to take part in a programme, each with its own window, seats and waiting list. */
public enum RecruitmentRole {
	MENTOR, PARTICIPANT;

	public String path() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
