package app.kindred.organisation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.organisation.Networks;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationKind;
import app.kindred.organisation.OrganisationSummary;
import app.kindred.organisation.Role;

/**
 * Networks and their members: a network's admins invite a university, the university's
 * admins accept or decline; the network's admins remove a member and a member's admins
 * leave. Only accepted members' answers are pooled in the network's report.
 */
@Service
public class NetworkService implements Networks {

	/** A member or an invitation, seen from the network. */
	public record Member(OrganisationId id, String name, Instant invitedAt, Instant acceptedAt) {

		public boolean accepted() {
			return acceptedAt != null;
		}

	}

	/** A network the organisation takes part in or is invited to. */
	public record Membership(OrganisationId network, String name, Instant invitedAt, Instant acceptedAt) {

		public boolean accepted() {
			return acceptedAt != null;
		}

	}

	/** A university the network may invite. */
	public record Candidate(OrganisationId id, String name) {
	}

	/**
	 * The network page: for a network its members and the universities it may invite; for
	 * a university the networks it takes part in and the invitations waiting.
	 */
	public record Overview(OrganisationSummary organisation, boolean network, List<Member> members,
			List<Candidate> candidates, List<Membership> memberships) {

		public List<Membership> waiting() {
			return memberships.stream().filter(m -> !m.accepted()).toList();
		}

		public List<Membership> joined() {
			return memberships.stream().filter(Membership::accepted).toList();
		}

	}

	private final NetworkStore store;

	private final OrganisationRepository organisations;

	private final OrganisationDirectory directory;

	private final Clock clock;

	NetworkService(NetworkStore store, OrganisationRepository organisations, OrganisationDirectory directory,
			Clock clock) {
		this.store = store;
		this.organisations = organisations;
		this.directory = directory;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public List<OrganisationId> members(OrganisationId network) {
		return store.accepted(network);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean isNetwork(OrganisationId organisation) {
		return kind(organisation) == OrganisationKind.NETWORK;
	}

	@Transactional(readOnly = true)
	public Overview overview(OrganisationId id, AccountId admin) {
		var organisation = directory.require(id, admin, Role.ORG_ADMIN);
		if (isNetwork(id)) {
			var members = store.ofNetwork(id)
				.stream()
				.map(e -> new Member(new OrganisationId(e.organisationId()), e.name(), e.invitedAt().toInstant(),
						e.accepted() ? e.acceptedAt().toInstant() : null))
				.toList();
			var candidates = store.candidates(id)
				.stream()
				.map(c -> new Candidate(new OrganisationId(c.id()), c.name()))
				.toList();
			return new Overview(organisation, true, members, candidates, List.of());
		}
		var memberships = store.ofMember(id)
			.stream()
			.map(e -> new Membership(new OrganisationId(e.networkId()), e.name(), e.invitedAt().toInstant(),
					e.accepted() ? e.acceptedAt().toInstant() : null))
			.toList();
		return new Overview(organisation, false, List.of(), List.of(), memberships);
	}

	/**
	 * The invitations waiting for an answer from an organisation the person administers,
	 * for their Home.
	 */
	@Transactional(readOnly = true)
	public List<Membership> waiting(OrganisationId id, AccountId admin) {
		directory.require(id, admin, Role.ORG_ADMIN);
		return store.ofMember(id)
			.stream()
			.filter(e -> !e.accepted())
			.map(e -> new Membership(new OrganisationId(e.networkId()), e.name(), e.invitedAt().toInstant(), null))
			.toList();
	}

	@Transactional
	public void invite(OrganisationId network, OrganisationId organisation, AccountId admin) {
		directory.require(network, admin, Role.ORG_ADMIN);
		if (!isNetwork(network)) {
			throw Refused.conflict("network.invite.notNetwork");
		}
		var kind = kind(organisation);
		if (kind == null) {
			throw Refused.invalid("organisation", "network.invite.unknown");
		}
		if (kind != OrganisationKind.UNIVERSITY) {
			throw Refused.invalid("organisation", "network.invite.notUniversity");
		}
		if (store.find(network, organisation).isPresent()
				|| !store.invite(network, organisation, admin.value(), clock.instant())) {
			throw Refused.conflict("network.invite.already");
		}
	}

	@Transactional
	public void accept(OrganisationId organisation, OrganisationId network, AccountId admin) {
		directory.require(organisation, admin, Role.ORG_ADMIN);
		var entry = store.find(network, organisation).orElseThrow(() -> new NotFoundException("network invitation"));
		if (entry.accepted() || !store.accept(network, organisation, admin.value(), clock.instant())) {
			throw Refused.conflict("network.accept.already");
		}
	}

	@Transactional
	public void decline(OrganisationId organisation, OrganisationId network, AccountId admin) {
		directory.require(organisation, admin, Role.ORG_ADMIN);
		var entry = store.find(network, organisation).orElseThrow(() -> new NotFoundException("network invitation"));
		if (entry.accepted()) {
			throw Refused.conflict("network.decline.accepted");
		}
		store.delete(network, organisation);
	}

	/** The network's admins end a membership or withdraw an invitation. */
	@Transactional
	public void remove(OrganisationId network, OrganisationId member, AccountId admin) {
		directory.require(network, admin, Role.ORG_ADMIN);
		if (!store.delete(network, member)) {
			throw new NotFoundException("network member");
		}
	}

	/** A member's admins take their organisation out of the network. */
	@Transactional
	public void leave(OrganisationId organisation, OrganisationId network, AccountId admin) {
		directory.require(organisation, admin, Role.ORG_ADMIN);
		var entry = store.find(network, organisation).orElseThrow(() -> new NotFoundException("network membership"));
		if (!entry.accepted()) {
			throw Refused.conflict("network.leave.notAccepted");
		}
		store.delete(network, organisation);
	}

	private OrganisationKind kind(OrganisationId id) {
		return organisations.findById(id.value()).map(Organisation::kind).orElse(null);
	}

}
