package app.kindred.feedback.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;

/**
 * How the answers to one question (or a score) fall: a bar per scale point, option or
 * range, and the mean and SD where they mean something. Built from counts, so that a
 * programme's report (from its rows) and a network's (from pooled SQL aggregates) draw
 * the same charts. Under {@link Anonymity#MIN_RESPONDENTS} respondents it holds no
 * figures at all: no bars, no moments, and {@link #respondents()} only for the check.
 *
 * @param id unique within the page, for the chart's and table's ids
 * @param title what the chart shows (the question), its accessible name
 * @param respondents how many answered; never shown when suppressed
 */
public record Distribution(String id, String title, long respondents, List<Bar> bars, Moments moments) {

	/**
	 * One bar: {@code label} as the form gives it, {@code count} answers, {@code percent}
	 * of the respondents (options of a multiple choice add up to more than 100).
	 */
	public record Bar(String label, long count, double percent) {
	}

	/** Mean and SD (n - 1) of {@code n} values, from Commons Statistics. */
	public record Moments(long n, double mean, double sd) {

		public static Moments of(double[] values) {
			if (values.length == 0) {
				return null;
			}
			double sd = values.length > 1 ? StandardDeviation.of(values).getAsDouble() : Double.NaN;
			return new Moments(values.length, Mean.of(values).getAsDouble(), sd);
		}

		/** From how many gave each value (a scale point, a number). */
		public static Moments ofCounts(Map<? extends Number, Long> counts) {
			var values = new ArrayList<Double>();
			counts.forEach((point, count) -> values.addAll(Collections.nCopies(count.intValue(), point.doubleValue())));
			return of(values.stream().mapToDouble(Double::doubleValue).toArray());
		}

	}

	public boolean suppressed() {
		return !Anonymity.shown(respondents);
	}

	/** The largest bar's percent, for the chart's scale. */
	public double maxPercent() {
		return bars.stream().mapToDouble(Bar::percent).max().orElse(0);
	}

	/**
	 * @param labels the bars in order, each with its key in {@code counts}
	 * @param counts answers per key (a missing key counts 0)
	 * @param moments null where a mean makes no sense (options)
	 */
	public static Distribution of(String id, String title, long respondents, Map<Integer, String> labels,
			Map<Integer, Long> counts, Moments moments) {
		if (!Anonymity.shown(respondents)) {
			return suppressed(id, title, respondents);
		}
		var bars = new ArrayList<Bar>();
		labels.forEach((key, label) -> {
			long count = counts.getOrDefault(key, 0L);
			bars.add(new Bar(label, count, 100.0 * count / respondents));
		});
		return new Distribution(id, title, respondents, List.copyOf(bars), moments);
	}

	public static Distribution suppressed(String id, String title, long respondents) {
		return new Distribution(id, title, respondents, List.of(), null);
	}

}
