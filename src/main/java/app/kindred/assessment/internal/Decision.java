package app.kindred.assessment.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import app.kindred.assessment.AssessmentDecided.Result;
import app.kindred.identity.AccountId;

/**
 * One teacher decision about a mentor, as kept: never changed, only followed by another.
 * The latest is the one in force; {@code exportId} is the grade export that first took
 * it, null while it has not gone to the registry.
 */
public record Decision(UUID id, AccountId account, Result result, String justification, Set<UUID> criteriaMet,
		AccountId decidedBy, Instant decidedAt, UUID exportId) {

	public Decision {
		criteriaMet = Set.copyOf(criteriaMet);
	}

	public boolean passed() {
		return result == Result.PASS;
	}

	public boolean exported() {
		return exportId != null;
	}

}
