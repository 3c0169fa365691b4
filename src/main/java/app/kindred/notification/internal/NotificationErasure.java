package app.kindred.notification.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;

/**
 * Mail: the outbox's messages to the person go, and others' lose the person's name.
 */
@Component
class NotificationErasure implements PersonalDataEraser {

	private final NotificationErasureStore store;

	NotificationErasure(NotificationErasureStore store) {
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
