package app.kindred.sso;

import app.kindred.core.Language;
import app.kindred.identity.AccountId;

/**
 * Someone signed in through an organisation's provider with the address of an existing
 * account and asked for a mailed link to prove they own it; opening {@code link} joins
 * the provider's sign-in to the account.
 */
public record SignInLinkRequested(AccountId account, String email, String displayName, Language language,
		String providerName, String link) {
}
