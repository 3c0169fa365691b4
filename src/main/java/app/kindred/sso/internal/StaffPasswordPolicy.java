package app.kindred.sso.internal;

import org.springframework.stereotype.Component;

import app.kindred.identity.AccountId;
import app.kindred.identity.PasswordSignInPolicy;
import app.kindred.organisation.Organisations;

/**
 * An organisation that turned password sign-in off for its staff: its admins,
 * coordinators and teachers sign in only through its provider, on pages and in the API.
 * Everyone else keeps their password.
 */
@Component
class StaffPasswordPolicy implements PasswordSignInPolicy {

	private final Organisations organisations;

	private final ProviderStore providers;

	StaffPasswordPolicy(Organisations organisations, ProviderStore providers) {
		this.organisations = organisations;
		this.providers = providers;
	}

	@Override
	public boolean allowsPassword(AccountId account) {
		var staffOf = organisations.staffedBy(account).stream().map(o -> o.id()).toList();
		return !providers.passwordOff(staffOf);
	}

}
