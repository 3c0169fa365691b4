package app.kindred.organisation;

import java.time.ZoneId;

import app.kindred.core.Language;

public record OrganisationSummary(OrganisationId id, String name, Language defaultLanguage, ZoneId zone,
		String contactName, String contactEmail) {
}
