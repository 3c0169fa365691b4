package app.kindred.feedback.internal;

import java.util.HashMap;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * A survey broken down by group, language or university: per row the respondents and the
 * mean of each Likert item and of the score. Built only through {@link #of}, which
 * withholds, as {@link Suppression} says, every row and every cell under
 * {@link Anonymity#MIN_RESPONDENTS} respondents and, where the report shows the total
 * beside them, as many of the smallest other rows or cells as it takes for the total
 * minus the rest not to give a withheld figure away.
 *
 * @param dimension {@code group}, {@code language} or {@code university}
 * @param columns the columns' headings (the items' texts, the score's label)
 */
public record Breakdown(String dimension, List<String> columns, List<Row> rows) {

	/**
	 * {@code labelKey} with {@code labelArgument} names the row (group 3, Finnish);
	 * {@code respondents} is null when withheld, and {@code small} says whether for being
	 * under the threshold itself or (false) for what it would give away.
	 */
	public record Row(String labelKey, String labelArgument, Long respondents, boolean small, List<Cell> cells) {

		public boolean suppressed() {
			return respondents == null;
		}

	}

	/** A mean, or nothing where withheld ({@code small} as for a row). */
	public record Cell(Double mean, boolean small) {

		public boolean suppressed() {
			return mean == null;
		}

	}

	/** A row as counted, before anything is withheld. */
	public record Counted(String labelKey, String labelArgument, int respondents, List<Tally> cells) {
	}

	/**
	 * How many answered a column's item in a row, and their mean (any value when none).
	 */
	public record Tally(int n, double mean) {
	}

	public static Breakdown of(String dimension, List<String> columns, List<Counted> counted) {
		var rowsShown = Suppression.shown(indexed(counted.size(), i -> counted.get(i).respondents()));
		var cellsShown = IntStream.range(0, columns.size())
			.mapToObj(c -> Suppression.shown(indexed(counted.size(), i -> counted.get(i).cells().get(c).n())))
			.toList();
		var rows = IntStream.range(0, counted.size()).mapToObj(i -> {
			var row = counted.get(i);
			boolean small = !Anonymity.shown(row.respondents());
			if (!rowsShown.contains(i)) {
				return new Row(row.labelKey(), row.labelArgument(), null, small,
						row.cells().stream().map(c -> new Cell(null, small)).toList());
			}
			var cells = IntStream.range(0, row.cells().size()).mapToObj(c -> {
				var tally = row.cells().get(c);
				return cellsShown.get(c).contains(i) ? new Cell(tally.mean(), false)
						: new Cell(null, !Anonymity.shown(tally.n()));
			}).toList();
			return new Row(row.labelKey(), row.labelArgument(), (long) row.respondents(), false, cells);
		}).toList();
		return new Breakdown(dimension, List.copyOf(columns), rows);
	}

	private static HashMap<Integer, Integer> indexed(int size, IntFunction<Integer> value) {
		var map = new HashMap<Integer, Integer>();
		IntStream.range(0, size).forEach(i -> map.put(i, value.apply(i)));
		return map;
	}

}
