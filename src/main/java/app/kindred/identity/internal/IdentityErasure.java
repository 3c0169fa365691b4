package app.kindred.identity.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;

/**
 * Identity's part: sign-in tokens, throttling counts and mail quotas kept under the
 * person's address. The account row itself is anonymised last by AccountErasure, once
 * every module has used its name.
 */
@Component
class IdentityErasure implements PersonalDataEraser {

	private final IdentityErasureStore store;

	IdentityErasure(IdentityErasureStore store) {
		this.store = store;
	}

	@Override
	public void erase(Person person) {
		store.deleteTraces(person.account(), person.email());
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
