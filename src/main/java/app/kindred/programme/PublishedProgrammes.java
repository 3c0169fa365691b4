package app.kindred.programme;

import java.util.List;
import java.util.Optional;

import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationSummary;

/**
 * One page of the public list of programmes.
 *
 * @param programmes the page's programmes, in the order of their terms
 * @param organisations every organisation with a published programme, by name: what the
 * list can be narrowed to
 * @param organisation the organisation the list is narrowed to; empty for every one
 * @param page the page shown, from 1
 * @param pages how many pages there are, at least 1
 * @param total how many programmes the list has on all its pages
 */
public record PublishedProgrammes(List<ProgrammeView> programmes, List<OrganisationSummary> organisations,
		Optional<OrganisationId> organisation, int page, int pages, long total) {

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < pages;
	}

	/** Where the shown programmes start and end in the whole list, from 1. */
	public long firstShown() {
		return programmes.isEmpty() ? 0 : (long) (page - 1) * ProgrammeService.PUBLISHED_PER_PAGE + 1;
	}

	public long lastShown() {
		return programmes.isEmpty() ? 0 : firstShown() + programmes.size() - 1;
	}

	/**
	 * The organisation's name, when the list is narrowed to one that has published
	 * programmes.
	 */
	public Optional<String> organisationName() {
		return organisation.flatMap(id -> organisations.stream().filter(o -> o.id().equals(id)).findFirst())
			.map(OrganisationSummary::name);
	}

}
