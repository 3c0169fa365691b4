package app.kindred.sso.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.PersonalDataEraser;
import app.kindred.identity.AccountId;

/**
 * Erasing a person ends their sign-in through the university: the link from the
 * provider's subject goes, so signing in there again makes a new account instead of
 * entering the erased one. A link is the person's, not a programme's: retention leaves
 * it.
 */
@Component
class SsoErasure implements PersonalDataEraser {

	private final LinkStore links;

	SsoErasure(LinkStore links) {
		this.links = links;
	}

	@Override
	public void erase(Person person) {
		var account = person.account();
		links.forget(new AccountId(account));
	}

	@Override
	public List<Item> heldForProgramme(UUID programme) {
		return List.of();
	}

	@Override
	public void anonymiseProgramme(UUID programme) {
	}

}
