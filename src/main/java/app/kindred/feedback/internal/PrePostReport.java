package app.kindred.feedback.internal;

/**
 * A measure before the first meeting and after the last, paired by the respondents' own
 * code. Under {@link Anonymity#MIN_RESPONDENTS} complete pairs it holds no figures:
 * {@code result} is null and {@code pairs} is not shown.
 *
 * @param scoreLabel what the score measures ("Self-compassion")
 * @param scaleMin the lowest score possible (for the sentence "on a 1-5 scale")
 * @param ambiguous whether some codes were given more than once in one survey and those
 * answers were left out of the pairs
 */
public record PrePostReport(String formKey, String title, String scoreLabel, double scaleMin, double scaleMax,
		int pairs, boolean ambiguous, PrePost.Result result) {

	public boolean suppressed() {
		return result == null;
	}

	/** {@code rose}, {@code fell} or {@code same}: which sentence to say. */
	public String direction() {
		if (result == null || Math.abs(result.meanChange()) < 0.005) {
			return "same";
		}
		return result.meanChange() > 0 ? "rose" : "fell";
	}

	public static PrePostReport of(String formKey, String title, String scoreLabel, double scaleMin, double scaleMax,
			boolean ambiguous, double[] before, double[] after) {
		var result = Anonymity.shown(before.length) ? PrePost.of(before, after) : null;
		return new PrePostReport(formKey, title, scoreLabel, scaleMin, scaleMax, result == null ? 0 : before.length,
				ambiguous, result);
	}

}
