package app.kindred.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

import app.kindred.feedback.internal.PrePost;

/**
 * The pre/post statistics against SciPy 1.17.1, computed independently with this snippet
 * (12 pairs on a 1-5 mean score; three zero changes, and ties among the changes):
 *
 * <pre>
 * import numpy as np
 * from scipy import stats
 * before = np.array([2.0, 2.5, 3.0, 3.0, 2.25, 3.5, 2.75, 4.0, 3.25, 2.0, 3.0, 2.5])
 * after  = np.array([2.5, 3.0, 3.0, 3.5, 2.75, 3.25, 3.25, 4.5, 3.25, 3.0, 3.5, 2.5])
 * d = after - before; n = len(d)
 * print(before.mean(), before.std(ddof=1), after.mean(), after.std(ddof=1))
 * m, s = d.mean(), d.std(ddof=1); t = stats.t.ppf(0.975, n - 1)
 * print(m, s, t, m - t * s / np.sqrt(n), m + t * s / np.sqrt(n))
 * r = stats.ttest_rel(after, before); print(r.statistic, r.pvalue)
 * w = stats.wilcoxon(after, before, zero_method="wilcox", correction=True, method="approx")
 * print(w.statistic, w.pvalue)
 * dz = m / s; se = np.sqrt(1 / n + dz ** 2 / (2 * n)); z = stats.norm.ppf(0.975)
 * print(dz, dz - z * se, dz + z * se)
 * </pre>
 *
 * Its output:
 *
 * <pre>
 * 2.8125 0.6041993199117475 3.1666666666666665 0.5365433699886598
 * 0.3541666666666667 0.34473859222561226 2.200985160091639 0.13513021511347453 0.5732031182198588
 * 3.558839508241181 0.004481973855940015
 * 1.0 0.008795864478627412
 * 1.0273484740428604 0.3280224379920499 1.726674510093671
 * </pre>
 *
 * Zeros: both drop the three zero changes before ranking ({@code zero_method="wilcox"};
 * Commons Statistics always does), leaving 9 changes with ties (seven of 0.5), so both
 * use the normal approximation with the tie-corrected variance and a continuity
 * correction. SciPy's statistic is min(W+, W-) = 1; Commons Statistics reports W+ = 44 (9
 * * 10 / 2 - 1).
 */
class PrePostTests {

	private static final double[] BEFORE = { 2.0, 2.5, 3.0, 3.0, 2.25, 3.5, 2.75, 4.0, 3.25, 2.0, 3.0, 2.5 };

	private static final double[] AFTER = { 2.5, 3.0, 3.0, 3.5, 2.75, 3.25, 3.25, 4.5, 3.25, 3.0, 3.5, 2.5 };

	private static final double EPS = 1e-9;

	@Test
	void matchesScipyOnPairsWithTiesAndZeroChanges() {
		var r = PrePost.of(BEFORE, AFTER);
		assertThat(r.pairs()).isEqualTo(12);
		assertThat(r.meanBefore()).isCloseTo(2.8125, within(EPS));
		assertThat(r.sdBefore()).isCloseTo(0.6041993199117475, within(EPS));
		assertThat(r.meanAfter()).isCloseTo(3.1666666666666665, within(EPS));
		assertThat(r.sdAfter()).isCloseTo(0.5365433699886598, within(EPS));
		assertThat(r.meanChange()).isCloseTo(0.3541666666666667, within(EPS));
		assertThat(r.sdChange()).isCloseTo(0.34473859222561226, within(EPS));
		assertThat(r.changeLow()).isCloseTo(0.13513021511347453, within(1e-7));
		assertThat(r.changeHigh()).isCloseTo(0.5732031182198588, within(1e-7));
		assertThat(r.t()).isCloseTo(3.558839508241181, within(1e-7));
		assertThat(r.tP()).isCloseTo(0.004481973855940015, within(1e-7));
		assertThat(r.wilcoxonStatistic()).isEqualTo(44.0);
		assertThat(r.wilcoxonP()).isCloseTo(0.008795864478627412, within(1e-7));
		assertThat(r.dz()).isCloseTo(1.0273484740428604, within(EPS));
		assertThat(r.dzLow()).isCloseTo(0.3280224379920499, within(1e-7));
		assertThat(r.dzHigh()).isCloseTo(1.726674510093671, within(1e-7));
	}

	@Test
	void usesTheExactWilcoxonDistributionWithoutTiesOrZeros() {
		var r = PrePost.of(new double[] { 2.0, 3.0, 2.5, 3.5, 2.25, 4.0, 2.75, 3.0 },
				new double[] { 2.75, 3.5, 2.25, 4.75, 3.25, 4.125, 4.5, 3.375 });
		assertThat(r.wilcoxonStatistic()).isEqualTo(34.0);
		assertThat(r.wilcoxonP()).isCloseTo(0.0234375, within(EPS));
	}

	@Test
	void noChangeAtAllHasNoTests() {
		var same = new double[] { 3, 3, 4, 2, 5 };
		var r = PrePost.of(same, same);
		assertThat(r.meanChange()).isZero();
		assertThat(r.tP()).isNaN();
		assertThat(r.wilcoxonP()).isNaN();
		assertThat(r.dz()).isNaN();
	}

}
