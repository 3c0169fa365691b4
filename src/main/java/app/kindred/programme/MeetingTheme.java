package app.kindred.programme;

import app.kindred.core.Language;

/** What participants see of a meeting's plan: only its theme. */
public record MeetingTheme(int number, Language language, String theme) {
}
