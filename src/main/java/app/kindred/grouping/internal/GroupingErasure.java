package app.kindred.grouping.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;

/**
 * Grouping: membership stays for the groups' sizes; pins and proposals lose the person.
 */
@Component
class GroupingErasure implements PersonalDataEraser {

	private final GroupingErasureStore store;

	GroupingErasure(GroupingErasureStore store) {
		this.store = store;
	}

	@Override
	public void erase(Person person) {
		store.erase(person.account(), person.name(), person.email());
	}

	@Override
	public List<Item> heldForProgramme(UUID programme) {
		return Item.of(store.counts(programme));
	}

	@Override
	public void anonymiseProgramme(UUID programme) {
		store.anonymise(programme);
	}

}
