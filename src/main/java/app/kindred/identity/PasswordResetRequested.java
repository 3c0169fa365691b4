package app.kindred.identity;

import app.kindred.core.Language;

public record PasswordResetRequested(AccountId account, String email, String displayName, Language language,
		String resetLink) {
}
