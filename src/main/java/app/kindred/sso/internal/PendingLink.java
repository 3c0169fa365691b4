package app.kindred.sso.internal;

import java.io.Serializable;
import java.util.UUID;

/**
 * Someone signed in through a provider with the address of an existing account that is
 * not linked to them yet: kept in the session (so Serializable, with plain values) until
 * they prove they own the account.
 */
public record PendingLink(UUID organisation, String issuer, String subject, String studyNumber, UUID account,
		String email, String providerName) implements Serializable {

	public static final String ATTRIBUTE = "kindred.sso.pendingLink";

}
