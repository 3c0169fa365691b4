package app.kindred.training;

import java.time.Instant;
import java.util.UUID;

import app.kindred.programme.ProgrammeId;

/** One scheduled session for a programme's mentors. */
public record MentorSession(UUID id, ProgrammeId programme, SessionKind kind, Instant startsAt, int minutes,
		String place, String videoLink, boolean cancelled) {

	public Instant endsAt() {
		return startsAt.plusSeconds(minutes * 60L);
	}
}
