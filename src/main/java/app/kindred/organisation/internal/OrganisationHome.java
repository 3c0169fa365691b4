package app.kindred.organisation.internal;

import static app.kindred.organisation.Role.ORG_ADMIN;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.HomeContributor;
import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationSummary;
import app.kindred.organisation.Organisations;

/**
 * The organisation admin's part of Home: the organisations they administer, with their
 * staff invitations still open.
 */
@Component
class OrganisationHome implements HomeContributor {

	private final Organisations organisations;

	private final StaffService staff;

	private final NetworkService networks;

	OrganisationHome(Organisations organisations, StaffService staff, NetworkService networks) {
		this.organisations = organisations;
		this.staff = staff;
		this.networks = networks;
	}

	/**
	 * An organisation someone administers, and how many invitations are still unanswered.
	 */
	record Administered(UUID id, String name, int openInvitations) {

		public String link() {
			return "/organisations/" + id;
		}

		public String staffLink() {
			return "/organisations/" + id + "/staff";
		}

	}

	@Override
	public List<Part> parts(Viewer viewer) {
		var account = new AccountId(viewer.account());
		return organisations.staffedBy(account)
			.stream()
			.filter(o -> organisations.rolesOf(o.id(), account).contains(ORG_ADMIN))
			.map(o -> Part.of(null, Role.ADMIN, 0, "organisation/home", "admin", administered(o, account))
				.needing(networkInvitations(o, account)))
			.toList();
	}

	/** Each network's invitation waiting for the admins' answer is a task of theirs. */
	private List<Task> networkInvitations(OrganisationSummary organisation, AccountId admin) {
		return networks.waiting(organisation.id(), admin)
			.stream()
			.map(w -> Task.of("home.organisation.networkInvitation", "/organisations/" + organisation.id() + "/network",
					w.name(), organisation.name()))
			.toList();
	}

	private Administered administered(OrganisationSummary organisation, AccountId admin) {
		return new Administered(organisation.id().value(), organisation.name(),
				staff.pending(organisation.id(), admin).size());
	}

}
