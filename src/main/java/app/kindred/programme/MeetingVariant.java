package app.kindred.programme;

/** How a group meets, where a meeting plan's instructions differ. */
public enum MeetingVariant {

	REMOTE, ON_CAMPUS

}
