package app.kindred.identity;

import app.kindred.core.Language;

/**
 * Someone registered; they must open {@code verificationLink} before they can sign in.
 */
public record AccountRegistered(AccountId account, String email, String displayName, Language language,
		String verificationLink) {
}
