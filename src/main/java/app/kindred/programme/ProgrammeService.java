package app.kindred.programme;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationSummary;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;

/**
 * Programmes as coordinators run them and as everyone else sees them. Staff of the owning organisation read; only
 * its coordinators change.
 */
@Service
public class ProgrammeService {

	private final ProgrammeRepository programmes;
	private final Organisations organisations;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ProgrammeService(ProgrammeRepository programmes, Organisations organisations, ApplicationEventPublisher events,
			Clock clock) {
		this.programmes = programmes;
		this.organisations = organisations;
		this.events = events;
		this.clock = clock;
	}

	/** Published programmes, for the public front page. */
	@Transactional(readOnly = true)
	public List<ProgrammeView> published() {
		return programmes.findByStatusOrderBySettingsTermStartAsc(ProgrammeStatus.PUBLISHED).stream().map(this::view).toList();
	}

	/** A published programme's public page; drafts and archived ones are not there for the public. */
	@Transactional(readOnly = true)
	public ProgrammeView publicView(ProgrammeId id) {
		return programmes.findById(id.value())
			.filter(p -> p.status() == ProgrammeStatus.PUBLISHED)
			.map(this::view)
			.orElseThrow(() -> new NotFoundException("programme"));
	}

	/** For other modules' messages and decisions; pages go through the access-checked methods. */
	@Transactional(readOnly = true)
	public java.util.Optional<ProgrammeView> find(ProgrammeId id) {
		return programmes.findById(id.value()).map(this::view);
	}

	@Transactional(readOnly = true)
	public List<ProgrammeView> ofOrganisation(OrganisationId organisation, AccountId viewer) {
		var summary = organisations.require(organisation, viewer);
		return programmes.findByOrganisationIdOrderByCreatedAtDesc(organisation.value())
			.stream()
			.map(p -> view(p, summary))
			.toList();
	}

	@Transactional(readOnly = true)
	public ProgrammeView forStaff(ProgrammeId id, AccountId viewer) {
		var programme = load(id);
		return view(programme, organisations.require(programme.organisation(), viewer));
	}

	@Transactional
	public ProgrammeId create(OrganisationId organisation, Map<Language, ProgrammeText> texts, Set<Language> languages,
			ProgrammeSettings settings, AccountId coordinator) {
		organisations.require(organisation, coordinator, Role.COORDINATOR);
		return programmes.save(new Programme(organisation, texts, languages, settings, clock.instant())).id();
	}

	@Transactional
	public void update(ProgrammeId id, Map<Language, ProgrammeText> texts, Set<Language> languages,
			ProgrammeSettings settings, AccountId coordinator) {
		coordinated(id, coordinator).change(texts, languages, settings, clock.instant());
		events.publishEvent(new ProgrammeSettingsChanged(id, settings.mentorSeats(), settings.participantSeats()));
	}

	/**
	 * Moves the close of a recruitment window later, to an instant after now, after the current close and before
	 * the term ends ({@link WindowNotExtended} otherwise). Like any change of settings it is announced, so waiting
	 * lists move at once.
	 */
	@Transactional
	public void extendWindow(ProgrammeId id, ProgrammeWindow window, java.time.Instant closes, AccountId coordinator) {
		var programme = coordinated(id, coordinator);
		var zone = organisations.find(programme.organisation()).orElseThrow().zone();
		var termOver = programme.settings().termEnd().plusDays(1).atStartOfDay(zone).toInstant();
		if (closes.isAfter(termOver)) {
			throw new WindowNotExtended(WindowNotExtended.Reason.AFTER_TERM);
		}
		programme.extendWindow(window, closes, clock.instant());
		var settings = programme.settings();
		events.publishEvent(new ProgrammeSettingsChanged(id, settings.mentorSeats(), settings.participantSeats()));
	}

	/** Windows of published programmes that close after {@code after} and no later than {@code until}. */
	@Transactional(readOnly = true)
	public List<ClosingWindow> windowsClosing(java.time.Instant after, java.time.Instant until) {
		return programmes.findClosingBetween(ProgrammeStatus.PUBLISHED, after, until)
			.stream()
			.flatMap(p -> java.util.Arrays.stream(ProgrammeWindow.values())
				.map(w -> new ClosingWindow(p.id(), w, p.settings().closes(w))))
			.filter(w -> w.closes().isAfter(after) && !w.closes().isAfter(until))
			.toList();
	}

	@Transactional
	public void publish(ProgrammeId id, AccountId coordinator) {
		coordinated(id, coordinator).publish(clock.instant());
	}

	@Transactional
	public void unpublish(ProgrammeId id, AccountId coordinator) {
		coordinated(id, coordinator).unpublish(clock.instant());
	}

	@Transactional
	public void archive(ProgrammeId id, AccountId coordinator) {
		coordinated(id, coordinator).archive(clock.instant());
	}

	@Transactional
	public ProgrammeId copyForNextTerm(ProgrammeId id, AccountId coordinator) {
		return programmes.save(coordinated(id, coordinator).copyForNextTerm(clock.instant())).id();
	}

	private Programme coordinated(ProgrammeId id, AccountId coordinator) {
		var programme = load(id);
		organisations.require(programme.organisation(), coordinator, Role.COORDINATOR);
		return programme;
	}

	private Programme load(ProgrammeId id) {
		return programmes.findById(id.value()).orElseThrow(() -> new NotFoundException("programme"));
	}

	private ProgrammeView view(Programme programme) {
		return view(programme, organisations.find(programme.organisation()).orElseThrow());
	}

	private static ProgrammeView view(Programme p, OrganisationSummary organisation) {
		return new ProgrammeView(p.id(), p.organisation(), organisation.name(), organisation.zone(), p.status(), p.texts(),
				p.groupLanguages(), p.settings());
	}
}
