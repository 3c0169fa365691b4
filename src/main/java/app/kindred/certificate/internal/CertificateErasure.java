package app.kindred.certificate.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;

/**
 * Certificates: an erased holder's are revoked and lose the name. Retention leaves
 * certificates alone: they are what their holders keep and show, and are verified long
 * after the programme.
 */
@Component
class CertificateErasure implements PersonalDataEraser {

	private final CertificateErasureStore store;

	CertificateErasure(CertificateErasureStore store) {
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
