package app.kindred.feedback.internal;

import java.util.List;

import app.kindred.feedback.SurveyKind;
import app.kindred.organisation.OrganisationSummary;

/**
 * A network's report: its members' answers to the same forms pooled, and per university
 * only where enough answered. A figure that stands for fewer than
 * {@link Suppression#MINIMUM} respondents is {@code null}, and pages say "fewer than 5
 * answers" in its place.
 *
 * @param year the year whose programmes are pooled, or {@code null} for all
 * @param years the years there are answers from, for the filter
 * @param universities the accepted members, in the order of every form's rows
 */
public record NetworkReport(OrganisationSummary network, Integer year, List<Integer> years, List<String> universities,
		List<FormReport> forms) {

	public boolean empty() {
		return forms.isEmpty();
	}

	/**
	 * One form's answers: its moments, and for a measure asked before and after, the
	 * change over the pairs.
	 */
	public record FormReport(String key, SurveyKind kind, String title, boolean validated, String source,
			String scoreLabel, List<MomentReport> moments, Change change) {
	}

	/**
	 * The answers at one moment: the pooled distribution per question, the pooled mean
	 * score, and one row per university.
	 */
	public record MomentReport(Moment moment, int respondents, boolean shown, Double meanScore,
			List<QuestionReport> questions, List<Column> columns, List<UniversityRow> universities) {
	}

	/** A question's pooled distribution; {@code bars} is empty when it is withheld. */
	public record QuestionReport(String key, String text, int respondents, boolean shown, Double mean, List<Bar> bars) {
	}

	public record Bar(String label, int count, double percent) {
	}

	/**
	 * A column of the per-university rows: the respondents, the score or a Likert item's
	 * mean.
	 */
	public record Column(String key, String label) {
	}

	/** One university's figures, one per column; {@code null} where withheld. */
	public record UniversityRow(String name, List<Cell> cells) {
	}

	/** A figure, or none when it would stand for fewer than five respondents. */
	public record Cell(Double value, boolean count) {

		public boolean shown() {
			return value != null;
		}

	}

	/**
	 * The pre/post change of a measure over the respondents who answered both times with
	 * the same code in the same programme: the means, their difference with its 95 %
	 * confidence interval, the paired t-test's p-value and the effect size (Cohen's d of
	 * the differences). All {@code null} when fewer than five pairs.
	 */
	public record Change(int pairs, boolean shown, Double meanBefore, Double meanAfter, Double difference, Double lower,
			Double upper, Double p, Double effect) {
	}

}
