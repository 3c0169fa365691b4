package app.kindred.organisation.web;

import jakarta.validation.constraints.NotNull;

import app.kindred.organisation.OrganisationId;

/** The university a network's admin invites, chosen from those it may invite. */
record NetworkInviteForm(@NotNull OrganisationId organisation) {

	static NetworkInviteForm blank() {
		return new NetworkInviteForm(null);
	}

}
