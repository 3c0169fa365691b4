package app.kindred.recruitment;

import java.util.UUID;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * A coordinator decided about someone's application by hand; the person is told the
 * outcome ({@code state}, and {@code position} on the waiting list when waiting), never
 * the coordinator's reason, which stays in the audit trail.
 */
public record CoordinatorDecided(UUID application, ProgrammeId programme, RecruitmentRole role, AccountId account,
		Decision decision, ApplicationState state, int position) {
}
