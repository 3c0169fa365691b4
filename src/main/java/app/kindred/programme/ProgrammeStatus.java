package app.kindred.programme;

/**
 * Draft programmes are seen by staff only; published ones have a public page; archived
 * ones are kept for the record.
 */
public enum ProgrammeStatus {

	DRAFT, PUBLISHED, ARCHIVED

}
