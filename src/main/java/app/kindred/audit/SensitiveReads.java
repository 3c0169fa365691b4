package app.kindred.audit;

import java.util.Collection;

import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeView;

/**
 * The record of staff reading someone else's sensitive data. Every page that shows it to
 * anyone but its owner calls {@link #recordRead} once per page view, after the access
 * check passed; the reader's own data is never recorded.
 */
public interface SensitiveReads {

	/**
	 * Records that the reader saw the subjects' data of this kind, one row per subject
	 * other than the reader, in one batch.
	 * @param programme the programme the data belongs to, or {@code null}
	 * @param reference which page or item was read (a meeting, a diary entry, a role), or
	 * {@code null}
	 */
	void recordRead(AccountId reader, Collection<AccountId> subjects, ReadKind what, OrganisationId organisation,
			ProgrammeId programme, String reference);

	/** The same, for data belonging to one programme (and so to its organisation). */
	default void recordRead(AccountId reader, Collection<AccountId> subjects, ReadKind what, ProgrammeView programme,
			String reference) {
		recordRead(reader, subjects, what, programme.organisation(), programme.id(), reference);
	}

}
