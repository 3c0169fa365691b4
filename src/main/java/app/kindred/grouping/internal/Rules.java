package app.kindred.grouping.internal;

/** The numbers every group is measured against; shared by all groups of one problem. */
public record Rules(int minSize, int maxSize, int maxMentors, int maxFromSameDepartment) {

	public static final int MIN_MENTORS = 2;

	/** Seats for participants in a group with the usual two mentors. */
	public int participantSeats() {
		return maxSize - MIN_MENTORS;
	}
}
