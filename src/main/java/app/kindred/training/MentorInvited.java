package app.kindred.training;

import app.kindred.identity.AccountId;

/**
 * A mentor should hear of a session: scheduled for them, or cancelled. One event per
 * mentor, so each mail goes once.
 */
public record MentorInvited(MentorSession session, AccountId mentor, String programmeName) {
}
