package app.kindred.meeting;

import app.kindred.identity.AccountId;

/** A member's reminder of a meeting, claimed by exactly one application instance. */
public record MeetingReminderDue(Meeting meeting, AccountId member) {
}
