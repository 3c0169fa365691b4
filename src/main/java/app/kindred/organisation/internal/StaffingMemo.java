package app.kindred.organisation.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import app.kindred.core.SharedCache;
import app.kindred.core.SharedCaches;
import app.kindred.core.web.RequestMemo;
import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationSummary;
import app.kindred.organisation.Role;

/**
 * The organisations a person staffs and their roles there, looked up once per request:
 * one page asks them many times (the menu, each Home section, every access check). The
 * organisations staffed are also kept across requests, since the menu asks on every page
 * and they change seldom. Whatever changes organisations or their staff forgets both,
 * here and on every instance.
 */
@Component
public class StaffingMemo {

	private static final String KEY = "organisation.";

	private final SharedCache<UUID, List<OrganisationSummary>> staffing;

	StaffingMemo(SharedCaches caches) {
		this.staffing = caches.create("staffing", 10_000);
	}

	List<OrganisationSummary> staffedBy(AccountId account, Supplier<List<OrganisationSummary>> lookup) {
		return RequestMemo.get(KEY + "staffedBy." + account.value(), () -> staffing.get(account.value(), lookup));
	}

	EnumSet<Role> rolesOf(OrganisationId organisation, AccountId account, Supplier<EnumSet<Role>> lookup) {
		return RequestMemo.get(KEY + "roles." + organisation.value() + "." + account.value(), lookup);
	}

	/**
	 * After any change to organisations or staff: a name shows in everyone's menu, so
	 * everything is dropped (such changes are rare).
	 */
	public void forget() {
		RequestMemo.forget(KEY);
		staffing.forgetAll();
	}

}
