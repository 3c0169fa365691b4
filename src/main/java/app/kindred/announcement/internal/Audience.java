package app.kindred.announcement.internal;

/**
 * Whom an announcement is written to: the mentors with a place, the participants with a
 * place, everyone on either waiting list, the members of one published group, or all of
 * these at once.
 */
public enum Audience {

	MENTORS, PARTICIPANTS, WAITING, GROUP, EVERYONE

}
