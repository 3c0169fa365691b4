package app.kindred.training.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;

/**
 * Training: attendance ticks and absences stay (they count), the readiness reasons go.
 */
@Component
class TrainingErasure implements PersonalDataEraser {

	private final TrainingErasureStore store;

	TrainingErasure(TrainingErasureStore store) {
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
