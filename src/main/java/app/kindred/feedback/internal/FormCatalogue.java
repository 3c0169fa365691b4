package app.kindred.feedback.internal;

import java.util.List;
import java.util.Optional;

import app.kindred.organisation.OrganisationId;

/**
 * The forms an organisation's programmes may schedule: Kindred's own and the
 * organisation's copies and imports, as the library holds them now.
 */
interface FormCatalogue {

	List<SurveyDefinition> available(OrganisationId organisation);

	default Optional<SurveyDefinition> find(OrganisationId organisation, String key) {
		return available(organisation).stream().filter(f -> f.key().equals(key)).findFirst();
	}

}
