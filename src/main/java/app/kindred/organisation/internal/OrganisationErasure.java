package app.kindred.organisation.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;

/**
 * Staff roles, invitations to the person's address and an organisation's contact: an
 * erased person is no longer staff anywhere.
 */
@Component
class OrganisationErasure implements PersonalDataEraser {

	private final OrganisationErasureStore store;

	OrganisationErasure(OrganisationErasureStore store) {
		this.store = store;
	}

	@Override
	public void erase(Person person) {
		store.erase(person.account(), person.email(), person.name());
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
