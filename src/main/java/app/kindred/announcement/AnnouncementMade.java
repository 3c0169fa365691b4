package app.kindred.announcement;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;

/**
 * A coordinator's announcement is to reach this person: one event per recipient, so that
 * each mail is composed in its own language and goes to that person alone. It carries no
 * text, since events are kept in the publication registry; the mail reads it through
 * {@link Announcements}.
 */
public record AnnouncementMade(AnnouncementId announcement, ProgrammeId programme, AccountId recipient) {
}
