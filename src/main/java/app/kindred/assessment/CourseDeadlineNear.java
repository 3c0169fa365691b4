package app.kindred.assessment;

import java.time.Instant;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * A credit-seeking mentor has not yet done a part of the course whose deadline is near:
 * claimed once across instances, and told to them by e-mail. Names only the part and the
 * deadline, nothing the mentor wrote.
 */
public record CourseDeadlineNear(ProgrammeId programme, AccountId account, Part part, Instant dueAt) {

	/** The parts of the course with a deadline of their own. */
	public enum Part {

		OBJECTIVES, DIARY, SELF_EVALUATION, PEER_EVALUATION

	}

}
