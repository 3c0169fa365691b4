package app.kindred.recruitment;

import java.util.UUID;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * The person stepped back from the programme in this role; {@code from} is the state they
 * left, such as SEATED when they had a place, and {@code placePassedOn} whether that
 * place went to the first on the waiting list in the same transaction (false when nobody
 * was waiting, or they had no place).
 */
public record ApplicationWithdrawn(UUID application, ProgrammeId programme, RecruitmentRole role, AccountId account,
		ApplicationState from, boolean placePassedOn) {
}
