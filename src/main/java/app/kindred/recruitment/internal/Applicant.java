package app.kindred.recruitment.internal;

import java.time.Instant;
import java.util.UUID;

import app.kindred.identity.AccountId;
import app.kindred.recruitment.ApplicationState;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.SignUpAnswers;

/** One application as the coordinator sees it, with every answer given. */
public record Applicant(UUID id, RecruitmentRole role, ApplicationState state, long arrival, int position, String name,
		String email, String languages, String delivery, String department, String motivation, String experience,
		Instant createdAt, SignUpAnswers.Details details, AccountId account) {
}
