package app.kindred.identity;

import app.kindred.core.Language;

/** What other modules may know of an account. */
public record AccountSummary(AccountId id, String email, String displayName, Language language) {
}
