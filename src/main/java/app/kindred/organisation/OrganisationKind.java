package app.kindred.organisation;

/**
 * A university runs its own programmes; a network (such as a national association) serves
 * many universities.
 */
public enum OrganisationKind {

	UNIVERSITY, NETWORK

}
