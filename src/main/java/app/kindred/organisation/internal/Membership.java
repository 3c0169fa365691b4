package app.kindred.organisation.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.kindred.organisation.Role;

/** One staff role of one account in one organisation. */
@Entity
@Table(name = "membership")
public class Membership {

	@Id
	private UUID id;

	@Column(name = "organisation_id")
	private UUID organisationId;

	@Column(name = "account_id")
	private UUID accountId;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "created_at")
	private Instant createdAt;

	protected Membership() {
	}

	public Membership(UUID organisationId, UUID accountId, Role role, Instant now) {
		this.id = UUID.randomUUID();
		this.organisationId = organisationId;
		this.accountId = accountId;
		this.role = role;
		this.createdAt = now;
	}

	UUID id() {
		return id;
	}

	UUID organisationId() {
		return organisationId;
	}

	UUID accountId() {
		return accountId;
	}

	Role role() {
		return role;
	}

	Instant createdAt() {
		return createdAt;
	}

}
