package app.kindred.identity;

import app.kindred.core.Language;

/**
 * Someone tried to register with the address of an existing account. The registration
 * page answered as if it had worked, so only the owner learns of it, in their own
 * language, with links to sign in and to reset the password. Nothing typed into the form
 * (name, password) is passed on: the mail must not carry a stranger's text.
 */
public record RegistrationAttempted(AccountId account, String email, String displayName, Language language,
		String signInLink, String resetLink) {
}
