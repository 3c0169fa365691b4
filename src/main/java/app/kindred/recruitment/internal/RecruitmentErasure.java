package app.kindred.recruitment.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;

/**
 * Answers to the calls are personal and go; the application rows stay, anonymised, for
 * the counts (seats, arrivals, the waiting list), as do the decisions' audit rows without
 * their reasons.
 */
@Component
class RecruitmentErasure implements PersonalDataEraser {

	private final RecruitmentErasureStore store;

	RecruitmentErasure(RecruitmentErasureStore store) {
		this.store = store;
	}

	@Override
	public void erase(Person person) {
		store.erase(person.account(), person.email(), person.name());
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
