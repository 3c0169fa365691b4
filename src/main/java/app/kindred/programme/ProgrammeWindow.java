package app.kindred.programme;

/**
 * The two recruitment windows of a programme: the call for mentors and the participants'
 * sign-up.
 */
public enum ProgrammeWindow {

	MENTOR_CALL, SIGNUP

}
