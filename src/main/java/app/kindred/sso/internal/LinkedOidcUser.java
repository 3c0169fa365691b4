package app.kindred.sso.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import app.kindred.identity.AccountId;
import app.kindred.identity.ExternalAccount;

/** A provider's user matched to a Kindred account, which identity then signs in. */
class LinkedOidcUser extends DefaultOidcUser implements ExternalAccount {

	private final UUID account;

	LinkedOidcUser(OidcUser user, AccountId account) {
		super(List.of(new SimpleGrantedAuthority("ROLE_USER")), user.getIdToken(), "sub");
		this.account = account.value();
	}

	@Override
	public AccountId account() {
		return new AccountId(account);
	}

}
