package app.kindred.meeting;

import java.time.Instant;

import app.kindred.identity.AccountId;

/**
 * A meeting moved to another time (or length); one event per member of the group, so each
 * is told once.
 */
public record MeetingRescheduled(Meeting meeting, Instant previousStart, AccountId member) {
}
