package app.kindred.feedback.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.kindred.feedback.SurveyKind;

/**
 * One survey in a programme's report. {@code answered} and {@code ratePercent} are null
 * under {@link Anonymity#MIN_RESPONDENTS} answers, and then the questions, score and
 * breakdowns hold no figures either.
 *
 * @param score the measure's score distribution (null for feedback surveys)
 * @param subscales the subscales the instrument's authors allow reporting
 */
public record SurveyReport(UUID id, String formKey, SurveyKind kind, Moment moment, String title, Instrument instrument,
		long invited, Long answered, Double ratePercent, Instant opensAt, Instant closesAt,
		List<QuestionReport> questions, Distribution score, List<Distribution> subscales, List<Breakdown> breakdowns) {

	public boolean suppressed() {
		return answered == null;
	}

	public boolean anyQuotable() {
		return questions.stream().anyMatch(QuestionReport::anyQuotable);
	}

	/**
	 * Where a form comes from: an imported instrument names its source and terms as its
	 * file gives them; Kindred's own measure is labelled as such and not validated.
	 */
	public record Instrument(String name, boolean validated, boolean kindredOwn, String source, String terms) {
	}

}
