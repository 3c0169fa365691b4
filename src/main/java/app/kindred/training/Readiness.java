package app.kindred.training;

import app.kindred.identity.AccountId;

/**
 * Whether one accepted mentor may be placed in a group: by the rule (trainings attended,
 * make-ups counting) unless a coordinator decided otherwise, with the reason.
 */
public record Readiness(AccountId mentor, String name, String email, int trainingsAttended, int trainingsRequired,
		Boolean overridden, String overrideReason) {

	public boolean byRule() {
		return trainingsAttended >= trainingsRequired;
	}

	public boolean ready() {
		return overridden != null ? overridden : byRule();
	}
}
