package app.kindred.assessment.internal;

/**
 * What a diary entry can be about, beside nothing in particular: each has its own
 * reflection prompts.
 */
public enum Occasion {

	TRAINING, SUPERVISION, MEETING

}
