package app.kindred.training.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;

/**
 * Training: attendance ticks and absences stay (they count), the readiness reasons go.
 */
@Component
class TrainingErasure implements PersonalDataEraser {

	private final TrainingErasureStore store;

	private final Accounts accounts;

	TrainingErasure(TrainingErasureStore store, Accounts accounts) {
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
