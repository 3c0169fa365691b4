package app.kindred.recruitment;

import java.util.UUID;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/** The allocator seated someone or put them on the waiting list at {@code position}. */
public record ApplicationDecided(UUID application, ProgrammeId programme, RecruitmentRole role, AccountId account,
		ApplicationState state, int position) {
}
