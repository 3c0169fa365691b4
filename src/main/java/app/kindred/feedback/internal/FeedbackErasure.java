package app.kindred.feedback.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;

/**
 * Feedback: invitations stay for the response rates, answering links go; answers are
 * untouched.
 */
@Component
class FeedbackErasure implements PersonalDataEraser {

	private final FeedbackErasureStore store;

	FeedbackErasure(FeedbackErasureStore store) {
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
