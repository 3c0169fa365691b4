package app.kindred.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A single-use, expiring secret sent by e-mail; only its hash is stored. */
@Entity
@Table(name = "account_token")
class AccountToken {

	enum Purpose {

		VERIFY_EMAIL, RESET_PASSWORD

	}

	@Id
	@Column(name = "token_hash")
	private String tokenHash;

	@Column(name = "account_id")
	private UUID accountId;

	@Enumerated(EnumType.STRING)
	private Purpose purpose;

	@Column(name = "expires_at")
	private Instant expiresAt;

	@Column(name = "used_at")
	private Instant usedAt;

	protected AccountToken() {
	}

	AccountToken(String tokenHash, UUID accountId, Purpose purpose, Instant expiresAt) {
		this.tokenHash = tokenHash;
		this.accountId = accountId;
		this.purpose = purpose;
		this.expiresAt = expiresAt;
	}

	UUID accountId() {
		return accountId;
	}

	boolean isUsableFor(Purpose purpose, Instant now) {
		return this.purpose == purpose && usedAt == null && now.isBefore(expiresAt);
	}

	void use(Instant now) {
		if (usedAt != null) {
			throw new IllegalStateException("token already used");
		}
		usedAt = now;
	}

}
