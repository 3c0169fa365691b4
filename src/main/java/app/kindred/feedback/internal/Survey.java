package app.kindred.feedback.internal;

import java.time.Instant;
import java.util.UUID;

import app.kindred.feedback.SurveyKind;
import app.kindred.organisation.OrganisationId;
import app.kindred.programme.ProgrammeId;

/**
 * A survey a programme scheduled, with the form as it stood when scheduled.
 * {@code formKey} is the form's key: Kindred's own forms' keys start with
 * {@code kindred-}.
 */
public record Survey(UUID id, ProgrammeId programme, OrganisationId organisation, String formKey, SurveyKind kind,
		Moment moment, SurveyDefinition form, Instant opensAt, Instant closesAt, Instant remindAt, boolean written) {

	public boolean openAt(Instant now) {
		return !now.isBefore(opensAt) && now.isBefore(closesAt);
	}

	public boolean closedAt(Instant now) {
		return !now.isBefore(closesAt);
	}

}
