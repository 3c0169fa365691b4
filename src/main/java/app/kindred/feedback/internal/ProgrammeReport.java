package app.kindred.feedback.internal;

import java.util.List;
import java.util.UUID;

import app.kindred.programme.ProgrammeView;

/**
 * A programme's feedback report: each survey, the pre/post comparisons, and the quotes a
 * coordinator chose. {@code coordinator} says whether the viewer may choose quotes and
 * download the raw answers.
 */
public record ProgrammeReport(ProgrammeView programme, List<SurveyReport> surveys, List<PrePostReport> prePost,
		List<Quote> quotes, boolean coordinator) {

	/** A free-text answer a coordinator chose to quote. */
	public record Quote(UUID itemId, String text) {
	}

}
