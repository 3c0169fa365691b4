package app.kindred.organisation.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.kindred.organisation.Role;

/**
 * An e-mailed invitation to join an organisation's staff; only the hash of its secret is
 * kept.
 */
@Entity
@Table(name = "invitation")
class Invitation {

	@Id
	private UUID id;

	@Column(name = "organisation_id")
	private UUID organisationId;

	private String email;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "token_hash")
	private String tokenHash;

	@Column(name = "invited_by")
	private UUID invitedBy;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "accepted_at")
	private Instant acceptedAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	protected Invitation() {
	}

	Invitation(UUID organisationId, String email, Role role, String tokenHash, UUID invitedBy, Instant now,
			Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.organisationId = organisationId;
		this.email = email.strip().toLowerCase(Locale.ROOT);
		this.role = role;
		this.tokenHash = tokenHash;
		this.invitedBy = invitedBy;
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

	UUID id() {
		return id;
	}

	UUID organisationId() {
		return organisationId;
	}

	String email() {
		return email;
	}

	Role role() {
		return role;
	}

	Instant expiresAt() {
		return expiresAt;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant acceptedAt() {
		return acceptedAt;
	}

	Instant revokedAt() {
		return revokedAt;
	}

	boolean isOpen(Instant now) {
		return acceptedAt == null && revokedAt == null && now.isBefore(expiresAt);
	}

	void accept(Instant now) {
		if (!isOpen(now)) {
			throw new IllegalStateException("invitation is not open");
		}
		acceptedAt = now;
	}

	void revoke(Instant now) {
		if (acceptedAt == null && revokedAt == null) {
			revokedAt = now;
		}
	}

}
