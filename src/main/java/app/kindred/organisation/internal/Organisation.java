package app.kindred.organisation.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import app.kindred.core.Language;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationKind;
import app.kindred.organisation.OrganisationSettings;
import app.kindred.organisation.OrganisationSummary;

/** An organisation with its settings; its staff are {@link Membership}s. */
@Entity
@Table(name = "organisation")
public class Organisation {

	@Id
	private UUID id;

	private String name;

	@Enumerated(EnumType.STRING)
	private OrganisationKind kind;

	@Enumerated(EnumType.STRING)
	@Column(name = "default_language")
	private Language defaultLanguage;

	@Column(name = "time_zone")
	private String timeZone;

	@Column(name = "contact_name")
	private String contactName;

	@Column(name = "contact_email")
	private String contactEmail;

	@Column(name = "created_at")
	private Instant createdAt;

	@Version
	private long version;

	protected Organisation() {
	}

	public Organisation(OrganisationSettings settings, Instant now) {
		this.id = UUID.randomUUID();
		this.createdAt = now;
		apply(settings);
	}

	public void apply(OrganisationSettings settings) {
		this.name = settings.name().strip();
		this.kind = settings.kind();
		this.defaultLanguage = settings.defaultLanguage();
		this.timeZone = settings.zone().getId();
		this.contactName = blankToNull(settings.contactName());
		this.contactEmail = blankToNull(settings.contactEmail());
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	public OrganisationId id() {
		return new OrganisationId(id);
	}

	public OrganisationSettings settings() {
		return new OrganisationSettings(name, kind, defaultLanguage, ZoneId.of(timeZone), contactName, contactEmail);
	}

	public OrganisationKind kind() {
		return kind;
	}

	OrganisationSummary summary() {
		return new OrganisationSummary(id(), name, defaultLanguage, ZoneId.of(timeZone), contactName, contactEmail);
	}

}
