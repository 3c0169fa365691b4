package app.kindred.identity.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;

/**
 * Identity's part: sign-in tokens, throttling counts and mail quotas kept under the
 * person's address. The account row itself is anonymised last by AccountErasure, once
 * every module has used its name.
 */
@Component
class IdentityErasure implements PersonalDataEraser {

	private final IdentityErasureStore store;

	private final Accounts accounts;

	IdentityErasure(IdentityErasureStore store, Accounts accounts) {
		this.store = store;
		this.accounts = accounts;
	}

	@Override
	public void erase(UUID account) {
		accounts.find(new AccountId(account)).ifPresent(a -> store.deleteTraces(account, a.email()));
	}

	/** An account is the person's, not a programme's: retention leaves it. */
	@Override
	public List<Item> heldForProgramme(UUID programme) {
		return List.of();
	}

	@Override
	public void anonymiseProgramme(UUID programme) {
	}

}
