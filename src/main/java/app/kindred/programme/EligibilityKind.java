package app.kindred.programme;

/**
 * Who may take part: anyone, people with an address at a given e-mail domain, or people
 * who declare a status.
 */
public enum EligibilityKind {

	NONE, EMAIL_DOMAIN, SELF_DECLARED

}
