package app.kindred.grouping;

import java.util.UUID;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.RecruitmentRole;

/**
 * Someone joined or left a published group after publishing (a withdrawal, a mentor
 * dropping out, a replacement), so that other modules follow: calendars, meetings. The
 * group's members are read from {@link PublishedGroups}.
 */
public record GroupMembershipChanged(ProgrammeId programme, UUID group, AccountId person, RecruitmentRole role,
		Change change) {

	public enum Change {

		JOINED, LEFT

	}
}
