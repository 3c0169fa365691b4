package app.kindred.organisation.internal;

import java.time.ZoneId;
import java.util.Collection;

import org.springframework.stereotype.Component;

import app.kindred.identity.AccountId;
import app.kindred.identity.LikelyZones;
import app.kindred.organisation.OrganisationService;
import app.kindred.organisation.OrganisationSummary;

/** The zones of the organisations a person is staff of. */
@Component
class StaffZones implements LikelyZones {

	private final OrganisationService organisations;

	StaffZones(OrganisationService organisations) {
		this.organisations = organisations;
	}

	@Override
	public Collection<ZoneId> of(AccountId account) {
		return organisations.staffedBy(account).stream().map(OrganisationSummary::zone).toList();
	}

}
