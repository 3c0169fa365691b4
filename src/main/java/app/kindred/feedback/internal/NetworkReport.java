package app.kindred.feedback.internal;

import java.util.List;

import app.kindred.organisation.OrganisationSummary;

/**
 * A network's report, in the programme report's terms: per form and moment a
 * {@link SurveyReport} pooled over the accepted member universities, broken down by
 * university, and the measures' {@link PrePostReport}s. Where fewer than
 * {@link Anonymity#MIN_RESPONDENTS} answered, the model holds no figure (the pages say
 * "fewer than 5 answers"); a university's row is withheld too where the pooled total and
 * the other rows would give a smaller one away ({@link Suppression}).
 *
 * @param year the year whose programmes are pooled, or {@code null} for all
 * @param years the years with programmes that scheduled surveys, newest first
 * @param universities the accepted members' names
 */
public record NetworkReport(OrganisationSummary network, Integer year, List<Integer> years, List<String> universities,
		List<SurveyReport> surveys, List<PrePostReport> prePost) {

	public boolean empty() {
		return surveys.isEmpty();
	}

}
