package app.kindred.meeting.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;

/**
 * Meetings: attendance stays; workspace notes the person wrote are blanked, attention
 * notes lose them.
 */
@Component
class MeetingErasure implements PersonalDataEraser {

	private final MeetingErasureStore store;

	MeetingErasure(MeetingErasureStore store) {
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
