package app.kindred.meeting;

import app.kindred.identity.AccountId;

/** A meeting will not take place; one event per member of the group. */
public record MeetingCancelled(Meeting meeting, AccountId member) {
}
