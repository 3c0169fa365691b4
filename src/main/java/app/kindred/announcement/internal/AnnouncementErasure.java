package app.kindred.announcement.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;

/**
 * Announcements: whom one reached goes (the count reached stays); texts lose the person's
 * name.
 */
@Component
class AnnouncementErasure implements PersonalDataEraser {

	private final AnnouncementErasureStore store;

	AnnouncementErasure(AnnouncementErasureStore store) {
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
