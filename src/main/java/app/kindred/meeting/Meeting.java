package app.kindred.meeting;

import java.time.Instant;
import java.util.UUID;

import app.kindred.programme.ProgrammeId;

/**
 * One meeting of a published group, numbered from 1 as in the programme's session plan.
 * {@code ownPlace} when its place was set for this meeting alone; {@code sequence} grows
 * with every change calendars must follow.
 */
public record Meeting(UUID id, ProgrammeId programme, UUID group, int number, Instant startsAt, int minutes,
		Place place, boolean ownPlace, int sequence, boolean cancelled) {

	public Instant endsAt() {
		return startsAt.plusSeconds(minutes * 60L);
	}

	/**
	 * The same uid in every calendar file and feed, so each change replaces the entry.
	 */
	public String uid() {
		return "meeting-" + id + "@kindred";
	}
}
