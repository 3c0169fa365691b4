package app.kindred.feedback.internal;

/**
 * The one rule every report keeps: no figure, chart or free-text answer from fewer than
 * {@link #MIN_RESPONDENTS} respondents, per programme, group, language or any other
 * breakdown. The report model applies it where it is built, so that a suppressed figure
 * never reaches a template, a PDF or a CSV at all.
 */
public final class Anonymity {

	public static final int MIN_RESPONDENTS = 5;

	private Anonymity() {
	}

	public static boolean shown(long respondents) {
		return respondents >= MIN_RESPONDENTS;
	}

}
