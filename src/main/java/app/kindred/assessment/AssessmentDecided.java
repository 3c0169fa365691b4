package app.kindred.assessment;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * A teacher decided whether a credit-seeking mentor passed the programme's course. The
 * mentor is told the result; the justification stays on their result page, so it is not
 * carried here.
 */
public record AssessmentDecided(ProgrammeId programme, AccountId account, Result result) {

	/** Pass or fail, the course's only grades. */
	public enum Result {

		PASS, FAIL

	}

}
