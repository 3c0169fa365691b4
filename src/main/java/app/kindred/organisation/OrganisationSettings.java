package app.kindred.organisation;

import java.time.ZoneId;

import app.kindred.core.Language;

public record OrganisationSettings(String name, OrganisationKind kind, Language defaultLanguage, ZoneId zone,
		String contactName, String contactEmail) {
}
