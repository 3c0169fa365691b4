package app.kindred.feedback.internal;

/**
 * When in the programme a survey is asked: the measure before the first meeting and after
 * the last, the feedback after the last (and optionally after the third).
 */
public enum Moment {

	BEFORE_FIRST, AFTER_THIRD, AFTER_LAST

}
