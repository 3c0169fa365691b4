package app.kindred.assessment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * A learning diary entry with its current version's text; {@code sharedAt} null while it
 * is private, its writer's alone.
 */
public record DiaryEntry(UUID id, ProgrammeId programme, AccountId writer, LocalDate date, Occasion occasion,
		UUID occasionId, int version, String text, Instant writtenAt, Instant createdAt, Instant sharedAt) {

	public boolean shared() {
		return sharedAt != null;
	}

}
