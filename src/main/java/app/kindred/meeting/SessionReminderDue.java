package app.kindred.meeting;

import app.kindred.identity.AccountId;
import app.kindred.training.MentorSession;

/**
 * A mentor's reminder of a training or supervision session, claimed by exactly one
 * application instance.
 */
public record SessionReminderDue(MentorSession session, AccountId mentor) {
}
