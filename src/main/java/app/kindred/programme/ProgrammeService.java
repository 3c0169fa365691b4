package app.kindred.programme;

import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import app.kindred.core.SharedCache;
import app.kindred.core.SharedCaches;
import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationChanged;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.OrganisationSummary;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;
import app.kindred.programme.internal.PlanStore;
import app.kindred.programme.internal.Programme;
import app.kindred.programme.internal.ProgrammeRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.springframework.transaction.annotation.Propagation;

/**
 * Programmes as coordinators run them and as everyone else sees them. Staff of the owning
 * organisation read; only its coordinators change.
 */
@Service
public class ProgrammeService {

	/**
	 * Programmes as {@link #publicView} and {@link #find} read them. A sign-up rush reads
	 * the same programme (with its texts, languages and organisation: four queries) on
	 * every page of every person; a change through any instance drops it everywhere
	 * ({@link SharedCache}). Seats and decisions are never read from here.
	 */
	private final SharedCache<UUID, ProgrammeView> views;

	private final ProgrammeRepository programmes;

	private final Organisations organisations;

	private final ProgrammeAccess access;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate reading;

	private final PlanStore store;

	ProgrammeService(ProgrammeRepository programmes, Organisations organisations, ProgrammeAccess access,
			ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactionManager,
			PlanStore store, SharedCaches caches) {
		this.views = caches.create("programme", 1_000);
		this.programmes = programmes;
		this.store = store;
		this.organisations = organisations;
		this.access = access;
		this.events = events;
		this.clock = clock;
		this.reading = new TransactionTemplate(transactionManager);
		this.reading.setReadOnly(true);
	}

	/**
	 * Locks the programme's row until the caller's transaction ends, so that two
	 * coordinators changing one programme's calls, plan or groups at once take turns. A
	 * programme that is not there answers 404.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lock(ProgrammeId id) {
		store.lockProgramme(id.value());
	}

	/** Published programmes, for the public front page. */
	@Transactional(readOnly = true)
	public List<ProgrammeView> published() {
		return programmes.findByStatusOrderBySettingsTermStartAsc(ProgrammeStatus.PUBLISHED)
			.stream()
			.map(this::view)
			.toList();
	}

	/** How many programmes a page of the public list shows. */
	public static final int PUBLISHED_PER_PAGE = 20;

	/**
	 * One page of the published programmes, of one organisation or of every one, in the
	 * order of their terms; a page past the last (the list got shorter since the link was
	 * made) shows the last. A national instance publishes hundreds at a time, so the
	 * public list never reads them all: one page, its count, and the organisations to
	 * choose from, each in one query. Without a chosen organisation the list is narrowed
	 * to the first of the preferred ones that has published programmes, if any.
	 */
	@Transactional(readOnly = true)
	public PublishedProgrammes published(Optional<OrganisationId> chosen, List<OrganisationId> preferred, int page) {
		if (page < 1) {
			throw Refused.invalid("page", "home.page.invalid");
		}
		var offered = organisations
			.findAll(programmes.organisationsWith(ProgrammeStatus.PUBLISHED).stream().map(OrganisationId::new).toList())
			.stream()
			.sorted(Comparator.comparing(OrganisationSummary::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
		var names = offered.stream().collect(Collectors.toMap(OrganisationSummary::id, o -> o));
		var organisation = chosen.or(() -> preferred.stream().filter(names::containsKey).findFirst());
		var order = Sort.by("settings.termStart", "id");
		var first = PageRequest.of(page - 1, PUBLISHED_PER_PAGE, order);
		var found = find(organisation, first);
		if (found.getContent().isEmpty() && page > 1) {
			found = find(organisation,
					PageRequest.of(Math.max(found.getTotalPages(), 1) - 1, PUBLISHED_PER_PAGE, order));
		}
		var shown = found.getContent()
			.stream()
			.map(p -> p.view(names.computeIfAbsent(p.organisation(), id -> organisations.find(id).orElseThrow())))
			.toList();
		return new PublishedProgrammes(shown, offered, organisation, found.getNumber() + 1,
				Math.max(1, found.getTotalPages()), found.getTotalElements());
	}

	private org.springframework.data.domain.Page<Programme> find(Optional<OrganisationId> organisation,
			PageRequest page) {
		return organisation
			.map(o -> programmes.findByStatusAndOrganisationId(ProgrammeStatus.PUBLISHED, o.value(), page))
			.orElseGet(() -> programmes.findByStatus(ProgrammeStatus.PUBLISHED, page));
	}

	/**
	 * A published programme's public page; drafts and archived ones are not there for the
	 * public. May be a moment old when another instance has just changed it.
	 */
	public ProgrammeView publicView(ProgrammeId id) {
		return recentView(id).filter(p -> p.status() == ProgrammeStatus.PUBLISHED)
			.orElseThrow(() -> new NotFoundException("programme"));
	}

	/**
	 * For other modules' messages and decisions; pages go through the access-checked
	 * methods. May be a moment old when another instance has just changed it.
	 */
	public Optional<ProgrammeView> find(ProgrammeId id) {
		return recentView(id);
	}

	private Optional<ProgrammeView> recentView(ProgrammeId id) {
		return Optional.ofNullable(views.get(id.value(),
				() -> reading.execute(status -> programmes.findById(id.value()).map(this::view).orElse(null))));
	}

	/**
	 * A view holds its organisation's name and time zone: an organisation's change drops
	 * every view (changes are rare, and few programmes are kept per instance).
	 */
	@ApplicationModuleListener
	void on(OrganisationChanged changed) {
		views.forgetAll();
	}

	/**
	 * Drops the view here and on every instance once this transaction's change commits.
	 */
	private void forgetOnCommit(ProgrammeId id) {
		views.forget(id.value());
	}

	@Transactional(readOnly = true)
	public List<ProgrammeView> ofOrganisation(OrganisationId organisation, AccountId viewer) {
		var summary = organisations.require(organisation, viewer);
		return programmes.findByOrganisationIdOrderByCreatedAtDesc(organisation.value())
			.stream()
			.map(p -> p.view(summary))
			.toList();
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
	 * Moves the close of a recruitment window later, to an instant after now, after the
	 * current close and before the term ends (refused at the field {@code closes}
	 * otherwise). Like any change of settings it is announced, so waiting lists move at
	 * once.
	 */
	@Transactional
	public void extendWindow(ProgrammeId id, ProgrammeWindow window, Instant closes, AccountId coordinator) {
		var programme = coordinated(id, coordinator);
		var zone = organisations.find(programme.organisation()).orElseThrow().zone();
		var termOver = programme.settings().termEnd().plusDays(1).atStartOfDay(zone).toInstant();
		if (closes.isAfter(termOver)) {
			throw Refused.invalid("closes", "applications.window.AFTER_TERM");
		}
		programme.extendWindow(window, closes, clock.instant());
		var settings = programme.settings();
		events.publishEvent(new ProgrammeSettingsChanged(id, settings.mentorSeats(), settings.participantSeats()));
	}

	/**
	 * Windows of published programmes that close after {@code after} and no later than
	 * {@code until}.
	 */
	@Transactional(readOnly = true)
	public List<ClosingWindow> windowsClosing(Instant after, Instant until) {
		return programmes.findClosingBetween(ProgrammeStatus.PUBLISHED, after, until)
			.stream()
			.flatMap(p -> Arrays.stream(ProgrammeWindow.values())
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

	/** The programme to change, once its coordinator is known to be asking. */
	private Programme coordinated(ProgrammeId id, AccountId coordinator) {
		forgetOnCommit(id);
		access.coordinated(id, coordinator);
		return load(id);
	}

	/**
	 * Programmes whose term ended before the day, for the retention job (which decides by
	 * each organisation's period).
	 */
	@Transactional(readOnly = true)
	public List<ProgrammeView> endedBefore(LocalDate day) {
		return programmes.findBySettingsTermEndBefore(day).stream().map(this::view).toList();
	}

	/**
	 * Every programme of the organisation, without an access check: for its admin's
	 * retention view, which checks the role itself.
	 */
	@Transactional(readOnly = true)
	public List<ProgrammeView> allOf(OrganisationId organisation) {
		return programmes.findByOrganisationId(organisation.value()).stream().map(this::view).toList();
	}

	private Programme load(ProgrammeId id) {
		return programmes.findById(id.value()).orElseThrow(() -> new NotFoundException("programme"));
	}

	private ProgrammeView view(Programme programme) {
		return programme.view(organisations.find(programme.organisation()).orElseThrow());
	}

}
