package app.kindred.feedback.internal;

import java.util.List;

/**
 * A survey broken down by group or by language: per row the respondents and the mean of
 * each Likert item and of the score. A row under {@link Anonymity#MIN_RESPONDENTS}
 * respondents shows none of its figures, and each cell under it (fewer answered that
 * item) none either.
 *
 * @param dimension {@code group} or {@code language}
 * @param columns the columns' headings (the items' texts, the score's label)
 */
public record Breakdown(String dimension, List<String> columns, List<Row> rows) {

	/**
	 * {@code labelKey} with {@code labelArgument} names the row (group 3, Finnish);
	 * {@code respondents} is null when suppressed.
	 */
	public record Row(String labelKey, String labelArgument, Long respondents, List<Cell> cells) {

		public static Row of(String labelKey, String labelArgument, long respondents, List<Cell> cells) {
			if (!Anonymity.shown(respondents)) {
				return new Row(labelKey, labelArgument, null, cells.stream().map(c -> Cell.SUPPRESSED).toList());
			}
			return new Row(labelKey, labelArgument, respondents, cells);
		}

		public boolean suppressed() {
			return respondents == null;
		}

	}

	/** A mean from {@code n} answers, or nothing under the threshold. */
	public record Cell(Double mean) {

		static final Cell SUPPRESSED = new Cell(null);

		public static Cell of(long n, double mean) {
			return Anonymity.shown(n) ? new Cell(mean) : SUPPRESSED;
		}

		public boolean suppressed() {
			return mean == null;
		}

	}

}
