package app.kindred.recruitment;

import java.time.Instant;
import java.util.UUID;

/**
 * Where someone's application stands; {@code position} is their place on the waiting
 * list, 0 when not waiting.
 */
public record ApplicationStatus(UUID id, UUID programmeId, RecruitmentRole role, ApplicationState state, long arrival,
		int position, Instant createdAt) {
}
