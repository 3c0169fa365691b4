package app.kindred.feedback.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import app.kindred.organisation.OrganisationId;

/**
 * The forms a programme may schedule: Kindred's own, as shipped in
 * {@code feedback/forms/}, read once.
 */
@Component
class LibraryForms implements FormCatalogue {

	private final List<SurveyDefinition> shipped;

	LibraryForms() {
		var forms = new ArrayList<SurveyDefinition>();
		try {
			for (var file : new PathMatchingResourcePatternResolver().getResources("classpath:feedback/forms/*.json")) {
				try (var in = file.getInputStream()) {
					forms.add(SurveyFormat.parse(in.readAllBytes()));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		forms.sort(Comparator.comparing(SurveyDefinition::key));
		this.shipped = List.copyOf(forms);
	}

	@Override
	public List<SurveyDefinition> available(OrganisationId organisation) {
		return shipped;
	}

}
