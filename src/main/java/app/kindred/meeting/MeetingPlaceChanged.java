package app.kindred.meeting;

import java.util.List;

import app.kindred.identity.AccountId;

/**
 * Upcoming meetings of one group meet somewhere else now: one meeting changed alone, or
 * every meeting that follows the group's place. One event per member of the group.
 */
public record MeetingPlaceChanged(List<Meeting> meetings, Place place, AccountId member) {

	public MeetingPlaceChanged {
		meetings = List.copyOf(meetings);
	}
}
