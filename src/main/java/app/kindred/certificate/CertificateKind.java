package app.kindred.certificate;

/** What a certificate certifies. */
public enum CertificateKind {

	/**
	 * Leading a group as a mentor: trainings, supervision, the group and its meetings.
	 */
	MENTOR,

	/** A credit course passed: its code, credits and learning outcomes. */
	COURSE,

	/**
	 * Taking part in a group, issued only on the participant's own request and where the
	 * programme allows it.
	 */
	PARTICIPATION

}
