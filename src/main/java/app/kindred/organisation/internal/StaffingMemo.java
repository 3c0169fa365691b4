package app.kindred.organisation.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;

import app.kindred.core.web.RequestMemo;
import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationSummary;
import app.kindred.organisation.Role;

/**
 * The organisations a person staffs and their roles there, looked up once per request:
 * one page asks them many times (the menu, each Home section, every access check).
 * Whatever changes organisations or their staff forgets it, so the rest of that request
 * sees the change.
 */
public final class StaffingMemo {

	private static final String KEY = "organisation.";

	private StaffingMemo() {
	}

	static List<OrganisationSummary> staffedBy(AccountId account, Supplier<List<OrganisationSummary>> lookup) {
		return RequestMemo.get(KEY + "staffedBy." + account.value(), lookup);
	}

	static EnumSet<Role> rolesOf(OrganisationId organisation, AccountId account, Supplier<EnumSet<Role>> lookup) {
		return RequestMemo.get(KEY + "roles." + organisation.value() + "." + account.value(), lookup);
	}

	public static void forget() {
		RequestMemo.forget(KEY);
	}

}
