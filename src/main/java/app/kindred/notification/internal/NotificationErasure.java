package app.kindred.notification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;

/**
 * Mail: the outbox's messages to the person go, and others' lose the person's name.
 */
@Component
class NotificationErasure implements PersonalDataEraser {

	private final NotificationErasureStore store;

	private final Accounts accounts;

	NotificationErasure(NotificationErasureStore store, Accounts accounts) {
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
