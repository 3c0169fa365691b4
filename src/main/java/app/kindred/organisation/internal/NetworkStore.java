package app.kindred.organisation.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationKind;

/**
 * Which organisations take part in which network ({@code network_member}): a row is an
 * invitation until it is accepted. Callers own the transactions.
 */
@Repository
class NetworkStore {

	/**
	 * One membership or invitation, with the name of the organisation on the other side
	 * (the member for a network's list, the network for a member's).
	 */
	record Entry(UUID networkId, UUID organisationId, String name, OffsetDateTime invitedAt,
			OffsetDateTime acceptedAt) {

		boolean accepted() {
			return acceptedAt != null;
		}

	}

	/** An organisation a network may invite. */
	record Candidate(UUID id, String name) {
	}

	private final JdbcClient jdbc;

	NetworkStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<OrganisationId> accepted(OrganisationId network) {
		return jdbc.sql("""
				select m.organisation_id from network_member m join organisation o on o.id = m.organisation_id
				where m.network_id = ? and m.accepted_at is not null order by o.name, o.id""")
			.param(network.value())
			.query(UUID.class)
			.list()
			.stream()
			.map(OrganisationId::new)
			.toList();
	}

	/** The network's members and invitations, by name. */
	List<Entry> ofNetwork(OrganisationId network) {
		return jdbc.sql("""
				select m.network_id, m.organisation_id, o.name, m.invited_at, m.accepted_at
				from network_member m join organisation o on o.id = m.organisation_id
				where m.network_id = ? order by o.name, o.id""").param(network.value()).query(Entry.class).list();
	}

	/** The networks the organisation takes part in or is invited to, by name. */
	List<Entry> ofMember(OrganisationId organisation) {
		return jdbc.sql("""
				select m.network_id, m.organisation_id, o.name, m.invited_at, m.accepted_at
				from network_member m join organisation o on o.id = m.network_id
				where m.organisation_id = ? order by o.name, o.id""")
			.param(organisation.value())
			.query(Entry.class)
			.list();
	}

	Optional<Entry> find(OrganisationId network, OrganisationId organisation) {
		return jdbc.sql("""
				select m.network_id, m.organisation_id, o.name, m.invited_at, m.accepted_at
				from network_member m join organisation o on o.id = m.organisation_id
				where m.network_id = ? and m.organisation_id = ?""")
			.params(network.value(), organisation.value())
			.query(Entry.class)
			.optional();
	}

	/** Universities neither members of the network nor invited to it, by name. */
	List<Candidate> candidates(OrganisationId network) {
		return jdbc.sql("""
				select o.id, o.name from organisation o
				where o.kind = ? and not exists
				  (select 1 from network_member m where m.network_id = ? and m.organisation_id = o.id)
				order by o.name, o.id""")
			.params(OrganisationKind.UNIVERSITY.name(), network.value())
			.query(Candidate.class)
			.list();
	}

	/**
	 * Records the invitation; false when a row for the pair exists already (two admins
	 * inviting at once: the second is told, not shown an error).
	 */
	boolean invite(OrganisationId network, OrganisationId organisation, UUID by, Instant at) {
		try {
			jdbc.sql("""
					insert into network_member (network_id, organisation_id, invited_by, invited_at)
					values (?, ?, ?, ?)""").params(network.value(), organisation.value(), by, utc(at)).update();
			return true;
		}
		catch (DuplicateKeyException already) {
			return false;
		}
	}

	/** Accepts an open invitation; false if there was none to accept. */
	boolean accept(OrganisationId network, OrganisationId organisation, UUID by, Instant at) {
		return jdbc.sql("""
				update network_member set accepted_by = ?, accepted_at = ?
				where network_id = ? and organisation_id = ? and accepted_at is null""")
			.params(by, utc(at), network.value(), organisation.value())
			.update() == 1;
	}

	boolean delete(OrganisationId network, OrganisationId organisation) {
		return jdbc.sql("delete from network_member where network_id = ? and organisation_id = ?")
			.params(network.value(), organisation.value())
			.update() == 1;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
