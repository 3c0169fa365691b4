package app.kindred.organisation.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;

/**
 * Staff roles, invitations to the person's address and an organisation's contact: an
 * erased person is no longer staff anywhere.
 */
@Component
class OrganisationErasure implements PersonalDataEraser {

	private final OrganisationErasureStore store;

	private final Accounts accounts;

	OrganisationErasure(OrganisationErasureStore store, Accounts accounts) {
		this.store = store;
		this.accounts = accounts;
	}

	@Override
	public void erase(UUID account) {
		accounts.find(new AccountId(account)).ifPresent(a -> store.erase(account, a.email(), a.displayName()));
	}

	/** Staff belong to the organisation, not to one programme: retention leaves them. */
	@Override
	public List<Item> heldForProgramme(UUID programme) {
		return List.of();
	}

	@Override
	public void anonymiseProgramme(UUID programme) {
	}

}
