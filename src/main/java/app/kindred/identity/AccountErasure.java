package app.kindred.identity;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.identity.internal.IdentityErasureStore;

/** Anonymises an account once its person is erased (for the privacy module). */
@Service
public class AccountErasure {

	private final IdentityErasureStore store;

	AccountErasure(IdentityErasureStore store) {
		this.store = store;
	}

	/**
	 * Name "Erased person", an e-mail that is no address, a password nothing matches, no
	 * tokens, every session ended.
	 */
	@Transactional
	public void anonymise(AccountId account) {
		store.anonymise(account.value());
	}

}
