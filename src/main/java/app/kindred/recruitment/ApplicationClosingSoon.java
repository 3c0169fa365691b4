package app.kindred.recruitment;

import java.time.Instant;
import java.util.UUID;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * The window of a call someone applied to closes at {@code closes}; until then they can
 * still change their answers.
 */
public record ApplicationClosingSoon(UUID application, ProgrammeId programme, RecruitmentRole role, AccountId account,
		Instant closes) {
}
