package app.kindred.feedback.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;

/**
 * Feedback: invitations stay for the response rates, answering links go; answers are
 * untouched.
 */
@Component
class FeedbackErasure implements PersonalDataEraser {

	private final FeedbackErasureStore store;

	private final Accounts accounts;

	FeedbackErasure(FeedbackErasureStore store, Accounts accounts) {
		this.store = store;
		this.accounts = accounts;
	}

	@Override
	public void erase(UUID account) {
		accounts.find(new AccountId(account)).ifPresent(a -> store.erase(account, a.displayName(), a.email()));
	}

	@Override
	public List<Item> heldForProgramme(UUID programme) {
		var items = new ArrayList<Item>();
		Map<String, Long> counts = store.counts(programme);
		counts.forEach((message, count) -> {
			if (count > 0) {
				items.add(new Item(message, count));
			}
		});
		return items;
	}

	@Override
	public void anonymiseProgramme(UUID programme) {
		store.anonymise(programme);
	}

}
