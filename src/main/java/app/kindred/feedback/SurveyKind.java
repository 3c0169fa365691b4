package app.kindred.feedback;

/**
 * What a survey is for, which decides whom it asks: the mentors for their feedback, the
 * participants otherwise.
 */
public enum SurveyKind {

	PARTICIPANT_FEEDBACK, MENTOR_FEEDBACK, MEASURE;

	public boolean asksMentors() {
		return this == MENTOR_FEEDBACK;
	}

}
