package app.kindred.announcement.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;

/**
 * Announcements: whom one reached goes (the count reached stays); texts lose the person's
 * name.
 */
@Component
class AnnouncementErasure implements PersonalDataEraser {

	private final AnnouncementErasureStore store;

	private final Accounts accounts;

	AnnouncementErasure(AnnouncementErasureStore store, Accounts accounts) {
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
