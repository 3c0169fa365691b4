package app.kindred.feedback.internal;

import java.util.Arrays;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.TTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Statistics on paired scores (before and after the programme, paired by the respondents'
 * own code), all from Apache Commons Statistics rather than formulas of our own, and
 * checked against SciPy in {@code PrePostTests}.
 * <ul>
 * <li>mean change with a 95 % confidence interval from Student's t with n - 1 degrees of
 * freedom, and the paired t-test;</li>
 * <li>the Wilcoxon signed-rank test on the changes: zero changes are dropped before
 * ranking (Wilcoxon's method, SciPy's default {@code zero_method="wilcox"}); the exact
 * distribution when the rest are fewer than 50 without ties, else the normal
 * approximation with the tie-corrected variance and a continuity correction (SciPy's
 * {@code correction=True});</li>
 * <li>Cohen's d_z (mean change over the SD of the changes) with an approximate 95 %
 * interval: the library has no noncentral t, so the normal approximation with SE =
 * sqrt(1/n + d^2/(2n)) and the normal quantile.</li>
 * </ul>
 */
public final class PrePost {

	private static final double LEVEL = 0.975;

	private PrePost() {
	}

	/**
	 * What the pairs show. p-values are NaN where a test cannot be run (every change
	 * zero); {@code wilcoxonStatistic} is W+, the sum of the ranks of the rises.
	 */
	public record Result(int pairs, double meanBefore, double sdBefore, double meanAfter, double sdAfter,
			double meanChange, double sdChange, double changeLow, double changeHigh, double t, double tP,
			double wilcoxonStatistic, double wilcoxonP, double dz, double dzLow, double dzHigh) {

		public boolean hasT() {
			return !Double.isNaN(tP);
		}

		public boolean hasWilcoxon() {
			return !Double.isNaN(wilcoxonP);
		}

		public boolean hasDz() {
			return !Double.isNaN(dz);
		}

	}

	/** At least two pairs: with fewer there is no spread to speak of. */
	public static Result of(double[] before, double[] after) {
		if (before.length != after.length || before.length < 2) {
			throw new IllegalArgumentException("needs two or more pairs");
		}
		int n = before.length;
		var change = new double[n];
		Arrays.setAll(change, i -> after[i] - before[i]);
		double mean = Mean.of(change).getAsDouble();
		double sd = StandardDeviation.of(change).getAsDouble();
		double quantile = TDistribution.of(n - 1).inverseCumulativeProbability(LEVEL);
		double half = quantile * sd / Math.sqrt(n);
		double t = Double.NaN;
		double tP = Double.NaN;
		if (sd > 0) {
			var test = TTest.withDefaults().pairedTest(after, before);
			t = test.getStatistic();
			tP = test.getPValue();
		}
		double w = Double.NaN;
		double wP = Double.NaN;
		// Commons Statistics would rank the zeros and then drop their ranks (Pratt);
		// Wilcoxon's own method, SciPy's default, drops them before ranking
		var nonZero = Arrays.stream(change).filter(c -> c != 0).toArray();
		if (nonZero.length > 0) {
			var test = WilcoxonSignedRankTest.withDefaults()
				.with(PValueMethod.AUTO)
				.with(ContinuityCorrection.ENABLED)
				.test(nonZero);
			w = test.getStatistic();
			wP = test.getPValue();
		}
		double dz = sd > 0 ? mean / sd : Double.NaN;
		double se = Math.sqrt(1.0 / n + dz * dz / (2.0 * n));
		double z = NormalDistribution.of(0, 1).inverseCumulativeProbability(LEVEL);
		return new Result(n, Mean.of(before).getAsDouble(), StandardDeviation.of(before).getAsDouble(),
				Mean.of(after).getAsDouble(), StandardDeviation.of(after).getAsDouble(), mean, sd, mean - half,
				mean + half, t, tP, w, wP, dz, dz - z * se, dz + z * se);
	}

}
