package app.kindred.grouping;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import app.kindred.core.Language;
import app.kindred.recruitment.RecruitmentRole;

/**
 * One person's place after the coordinator published the groups: their group, or none
 * ({@code number} 0) for a participant the groups could not take. One event per person,
 * so each is told exactly once.
 */
public record GroupPublished(ProgrammeId programme, AccountId person, RecruitmentRole role, int number, String slot,
		Language language, String campus) {

	public boolean placed() {
		return number > 0;
	}
}
