package app.kindred.identity;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import app.kindred.core.Language;

@Entity
@Table(name = "account")
class Account {

	@Id
	private UUID id;

	private String email;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(name = "display_name")
	private String displayName;

	@Enumerated(EnumType.STRING)
	@Column(name = "preferred_language")
	private Language preferredLanguage;

	@Column(name = "time_zone")
	private String timeZone;

	@Column(name = "email_verified_at")
	private Instant emailVerifiedAt;

	@Column(name = "created_at")
	private Instant createdAt;

	/**
	 * Raised by every password change and reset: sessions signed in with an older value
	 * end (SessionFreshness).
	 */
	@Column(name = "credentials_version")
	private long credentialsVersion;

	@Version
	private long version;

	protected Account() {
	}

	Account(String email, String passwordHash, String displayName, Language language, ZoneId zone, Instant now) {
		this.id = UUID.randomUUID();
		this.email = normalize(email);
		this.passwordHash = passwordHash;
		this.displayName = displayName.strip();
		this.preferredLanguage = language;
		this.timeZone = zone.getId();
		this.createdAt = now;
	}

	static String normalize(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	AccountId id() {
		return new AccountId(id);
	}

	String email() {
		return email;
	}

	String displayName() {
		return displayName;
	}

	Language language() {
		return preferredLanguage;
	}

	ZoneId zone() {
		return ZoneId.of(timeZone);
	}

	String passwordHash() {
		return passwordHash;
	}

	boolean isVerified() {
		return emailVerifiedAt != null;
	}

	/** Verifying twice is harmless: the first time counts. */
	void verifyEmail(Instant now) {
		if (emailVerifiedAt == null) {
			emailVerifiedAt = now;
		}
	}

	/** A new password ends every session signed in with the old one. */
	void changePassword(String newHash) {
		this.passwordHash = newHash;
		this.credentialsVersion++;
	}

	long credentialsVersion() {
		return credentialsVersion;
	}

	void updateProfile(String displayName, Language language, ZoneId zone) {
		this.displayName = displayName.strip();
		this.preferredLanguage = language;
		this.timeZone = zone.getId();
	}

	void prefer(Language language) {
		this.preferredLanguage = language;
	}

	AccountSummary summary() {
		return new AccountSummary(id(), email, displayName, preferredLanguage);
	}

}
