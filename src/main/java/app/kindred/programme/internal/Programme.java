package app.kindred.programme.internal;

import java.time.Instant;
import java.time.Period;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationSummary;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeSettings;
import app.kindred.programme.ProgrammeStatus;
import app.kindred.programme.ProgrammeText;
import app.kindred.programme.ProgrammeView;
import app.kindred.programme.ProgrammeWindow;

/** One term's run of compassion mentoring, from draft to published to archived. */
@Entity
@Table(name = "programme")
public class Programme {

	@Id
	private UUID id;

	@Column(name = "organisation_id")
	private UUID organisationId;

	@Enumerated(EnumType.STRING)
	private ProgrammeStatus status;

	@Embedded
	private ProgrammeSettings settings;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "programme_text", joinColumns = @JoinColumn(name = "programme_id"))
	@MapKeyColumn(name = "language")
	@MapKeyEnumerated(EnumType.STRING)
	private Map<Language, ProgrammeText> texts = new EnumMap<>(Language.class);

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "programme_language", joinColumns = @JoinColumn(name = "programme_id"))
	@Column(name = "language")
	@Enumerated(EnumType.STRING)
	private Set<Language> groupLanguages = EnumSet.noneOf(Language.class);

	@Column(name = "copied_from")
	private UUID copiedFrom;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Version
	private long version;

	protected Programme() {
	}

	public Programme(OrganisationId organisation, Map<Language, ProgrammeText> texts, Set<Language> groupLanguages,
			ProgrammeSettings settings, Instant now) {
		this.id = UUID.randomUUID();
		this.organisationId = organisation.value();
		this.status = ProgrammeStatus.DRAFT;
		this.createdAt = now;
		change(texts, groupLanguages, settings, now);
	}

	public ProgrammeId id() {
		return new ProgrammeId(id);
	}

	public OrganisationId organisation() {
		return new OrganisationId(organisationId);
	}

	public ProgrammeStatus status() {
		return status;
	}

	public ProgrammeSettings settings() {
		return settings;
	}

	public Map<Language, ProgrammeText> texts() {
		return Map.copyOf(texts);
	}

	public Set<Language> groupLanguages() {
		return Set.copyOf(groupLanguages);
	}

	public void change(Map<Language, ProgrammeText> texts, Set<Language> groupLanguages, ProgrammeSettings settings,
			Instant now) {
		if (status == ProgrammeStatus.ARCHIVED) {
			throw Refused.conflict("programme.refused.archived");
		}
		this.texts.clear();
		this.texts.putAll(texts);
		this.groupLanguages.clear();
		this.groupLanguages.addAll(groupLanguages);
		this.settings = settings;
		this.updatedAt = now;
	}

	/**
	 * Moves a window's close later; never earlier, and never into the past. The refusals
	 * name the message keys of recruitment's window form, the one page that extends a
	 * window.
	 */
	public void extendWindow(ProgrammeWindow window, Instant closes, Instant now) {
		if (status == ProgrammeStatus.ARCHIVED) {
			throw Refused.conflict("programme.refused.archived");
		}
		if (!closes.isAfter(now)) {
			throw Refused.invalid("closes", "applications.window.IN_THE_PAST");
		}
		if (!closes.isAfter(settings.closes(window))) {
			throw Refused.invalid("closes", "applications.window.NOT_LATER");
		}
		this.settings = settings.withCloses(window, closes);
		this.updatedAt = now;
	}

	public void publish(Instant now) {
		if (status != ProgrammeStatus.DRAFT) {
			throw Refused.conflict("programme.refused.notDraft");
		}
		status = ProgrammeStatus.PUBLISHED;
		updatedAt = now;
	}

	public void unpublish(Instant now) {
		if (status != ProgrammeStatus.PUBLISHED) {
			throw Refused.conflict("programme.refused.notPublished");
		}
		status = ProgrammeStatus.DRAFT;
		updatedAt = now;
	}

	public void archive(Instant now) {
		if (status == ProgrammeStatus.ARCHIVED) {
			throw Refused.conflict("programme.refused.alreadyArchived");
		}
		status = ProgrammeStatus.ARCHIVED;
		updatedAt = now;
	}

	/** The programme as pages, the API and other modules read it. */
	public ProgrammeView view(OrganisationSummary organisation) {
		return new ProgrammeView(id(), organisation(), organisation.name(), organisation.zone(), status, texts(),
				groupLanguages(), settings);
	}

	/**
	 * Next term's draft: the same settings 52 weeks later, so that meeting weekdays stay
	 * the same.
	 */
	public Programme copyForNextTerm(Instant now) {
		var copy = new Programme(organisation(), texts, groupLanguages, settings.shiftedBy(Period.ofWeeks(52)), now);
		copy.copiedFrom = id;
		return copy;
	}

}
