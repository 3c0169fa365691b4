package app.kindred.recruitment;

import java.util.UUID;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/** A coordinator removed someone's application; the person is told, without the coordinator's internal reason. */
public record ApplicationRemoved(UUID application, ProgrammeId programme, RecruitmentRole role, AccountId account) {
}
