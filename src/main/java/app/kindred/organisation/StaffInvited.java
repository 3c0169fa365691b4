package app.kindred.organisation;

import app.kindred.core.Language;

/** An organisation admin invited someone to join as staff; the link expires. */
public record StaffInvited(OrganisationId organisation, String organisationName, String email, Role role,
		String invitedBy, Language language, String acceptLink) {
}
