package app.kindred.audit.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.PersonalDataEraser;

/**
 * Forgetting in the audit: the reads of an erased person's data go with them; the reads
 * they made stay, so the people whose data they read still see that it was read, but no
 * longer say by whom. A programme past its retention takes its reads with it.
 */
@Component
public class AuditErasure implements PersonalDataEraser {

	private final AuditStore store;

	AuditErasure(AuditStore store) {
		this.store = store;
	}

	@Override
	@Transactional
	public void erase(Person person) {
		var account = person.account();
		store.deleteSubject(account);
		store.anonymiseReader(account);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Item> heldForProgramme(UUID programme) {
		return Item.of(Map.of("audit.erasure.reads", store.countProgramme(programme)));
	}

	@Override
	@Transactional
	public void anonymiseProgramme(UUID programme) {
		store.deleteProgramme(programme);
	}

}
