package app.kindred.programme.internal;

/**
 * A draft is still being written; a published version never changes again and programmes
 * may use it.
 */
public enum PlanStatus {

	DRAFT, PUBLISHED

}
