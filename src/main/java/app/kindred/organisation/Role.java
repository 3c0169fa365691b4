package app.kindred.organisation;

/**
 * Staff roles within one organisation. Mentor and participant are roles within a
 * programme, not here.
 */
public enum Role {

	ORG_ADMIN, COORDINATOR, TEACHER

}
