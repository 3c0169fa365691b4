package app.kindred.identity;

import app.kindred.core.Language;

public record VerificationResent(AccountId account, String email, String displayName, Language language,
		String verificationLink) {
}
