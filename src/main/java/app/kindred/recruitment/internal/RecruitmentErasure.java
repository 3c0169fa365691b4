package app.kindred.recruitment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;

/**
 * Answers to the calls are personal and go; the application rows stay, anonymised, for
 * the counts (seats, arrivals, the waiting list), as do the decisions' audit rows without
 * their reasons.
 */
@Component
class RecruitmentErasure implements PersonalDataEraser {

	static final String ERASED = "Erased person";

	private final RecruitmentErasureStore store;

	private final Accounts accounts;

	RecruitmentErasure(RecruitmentErasureStore store, Accounts accounts) {
		this.store = store;
		this.accounts = accounts;
	}

	@Override
	public void erase(UUID account) {
		accounts.find(new AccountId(account)).ifPresent(a -> store.erase(account, a.email(), a.displayName(), ERASED));
	}

	@Override
	public List<Item> heldForProgramme(UUID programme) {
		var items = new ArrayList<Item>();
		add(items, "erasure.item.answers", store.answered(programme));
		add(items, "erasure.item.decisionReasons", store.reasons(programme));
		return items;
	}

	@Override
	public void anonymiseProgramme(UUID programme) {
		store.anonymise(programme);
	}

	static void add(List<Item> items, String message, long count) {
		if (count > 0) {
			items.add(new Item(message, count));
		}
	}

}
