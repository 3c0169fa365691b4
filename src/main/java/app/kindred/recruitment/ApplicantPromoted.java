package app.kindred.recruitment;

import java.util.UUID;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/** A seat came free and the first person on the waiting list got it. */
public record ApplicantPromoted(UUID application, ProgrammeId programme, RecruitmentRole role, AccountId account) {
}
