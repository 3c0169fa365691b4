package app.kindred.programme;

import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import app.kindred.core.Language;
import app.kindred.organisation.OrganisationId;

/** A programme as read by pages, the API and other modules. */
public record ProgrammeView(ProgrammeId id, OrganisationId organisation, String organisationName, ZoneId zone,
		ProgrammeStatus status, Map<Language, ProgrammeText> texts, Set<Language> groupLanguages,
		ProgrammeSettings settings) {

	/** The text in the wanted language, else in the first group language, else in any. */
	public ProgrammeText text(Language wanted) {
		if (texts.containsKey(wanted)) {
			return texts.get(wanted);
		}
		return groupLanguages.stream()
			.filter(texts::containsKey)
			.findFirst()
			.map(texts::get)
			.orElseGet(() -> texts.values().iterator().next());
	}

	public Language textLanguage(Language wanted) {
		if (texts.containsKey(wanted)) {
			return wanted;
		}
		return groupLanguages.stream()
			.filter(texts::containsKey)
			.findFirst()
			.orElseGet(() -> texts.keySet().iterator().next());
	}
}
