package app.kindred.programme;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Forbidden;
import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;

/**
 * Session plans: what happens in each group meeting. Every organisation's staff see the
 * plans Kindred ships and their own; coordinators copy a plan, edit its meetings and
 * publish versions, and pick the version a programme uses.
 *
 * <p>
 * A published version never changes: editing a plan whose versions are all published
 * starts a new draft from the newest one, so a programme keeps exactly the version it
 * uses until its coordinator picks another.
 */
@Service
public class SessionPlans {

	/** The plan every programme uses until its coordinator picks another. */
	public static final String DEFAULT_PLAN = "kindred-compassion";

	private final PlanStore store;

	private final Organisations organisations;

	private final ProgrammeService programmes;

	private final Clock clock;

	SessionPlans(PlanStore store, Organisations organisations, ProgrammeService programmes, Clock clock) {
		this.store = store;
		this.organisations = organisations;
		this.programmes = programmes;
		this.clock = clock;
	}

	// The library, for the organisation's staff

	@Transactional(readOnly = true)
	public List<SessionPlan> library(OrganisationId organisation, AccountId viewer) {
		organisations.require(organisation, viewer);
		return store.library(organisation.value()).stream().map(store::summary).toList();
	}

	@Transactional(readOnly = true)
	public SessionPlan plan(OrganisationId organisation, SessionPlanId plan, AccountId viewer) {
		organisations.require(organisation, viewer);
		return store.summary(visible(organisation, plan.value()));
	}

	/**
	 * One version with its meetings; a version of another organisation's plan is not
	 * found.
	 */
	@Transactional(readOnly = true)
	public PlanVersion version(OrganisationId organisation, PlanVersionId version, AccountId viewer) {
		organisations.require(organisation, viewer);
		var row = store.versionRow(version.value()).orElseThrow(() -> new NotFoundException("version"));
		visible(organisation, row.plan());
		return store.version(row);
	}

	/**
	 * What is being worked on: the draft if there is one, else the newest published
	 * version.
	 */
	@Transactional(readOnly = true)
	public PlanVersion working(OrganisationId organisation, SessionPlanId plan, AccountId viewer) {
		organisations.require(organisation, viewer);
		var row = visible(organisation, plan.value());
		var version = store.draft(row.id())
			.or(() -> store.current(row.id()))
			.orElseThrow(() -> new NotFoundException("version"));
		return store.version(store.versionRow(version).orElseThrow());
	}

	/**
	 * A meeting as it stands in the draft, or in the newest version if there is no draft:
	 * what an edit starts from.
	 */
	@Transactional(readOnly = true)
	public MeetingPlan meetingToEdit(OrganisationId organisation, SessionPlanId plan, int meeting,
			AccountId coordinator) {
		organisations.require(organisation, coordinator, Role.COORDINATOR);
		if (visible(organisation, plan.value()).organisation() == null) {
			throw new Forbidden("shipped plans are read-only");
		}
		return working(organisation, plan, coordinator).meeting(meeting);
	}

	// Changes, by the organisation's coordinators

	/**
	 * Copies a published version of a shipped or the organisation's own plan into a new
	 * plan, as its first draft.
	 */
	@Transactional
	public SessionPlanId copy(OrganisationId organisation, PlanVersionId source, AccountId coordinator) {
		organisations.require(organisation, coordinator, Role.COORDINATOR);
		var version = store.versionRow(source.value())
			.filter(v -> v.status() == PlanStatus.PUBLISHED)
			.orElseThrow(() -> new NotFoundException("version"));
		var original = store.summary(visible(organisation, version.plan()));
		var now = clock.instant();
		var plan = store.insertPlan(organisation.value(), null, source.value(), original.names(), now);
		var draft = store.insertVersion(plan, 1, PlanStatus.DRAFT, now);
		store.copyMeetings(source.value(), draft);
		return new SessionPlanId(plan);
	}

	/**
	 * Writes one meeting of the plan's draft in the given languages (those left out are
	 * no longer written). Without a draft, a new one starts from the newest published
	 * version; published versions are never changed.
	 */
	@Transactional
	public PlanVersionId editMeeting(OrganisationId organisation, SessionPlanId plan, int meeting,
			Map<Language, MeetingText> texts, AccountId coordinator) {
		var row = editable(organisation, plan, coordinator);
		if (texts.isEmpty() || texts.values()
			.stream()
			.anyMatch(t -> t.theme() == null || t.theme().isBlank() || t.outline().isEmpty())) {
			throw new IllegalArgumentException(
					"a meeting needs a theme and an outline in every language it is written in");
		}
		var draft = store.draft(row.id()).orElseGet(() -> newDraft(row));
		if (!store.hasMeeting(draft, meeting)) {
			throw new NotFoundException("meeting");
		}
		store.replaceMeeting(draft, meeting, texts);
		return new PlanVersionId(draft);
	}

	/**
	 * Publishes the draft, which from now on never changes and can be used by programmes.
	 */
	@Transactional
	public PlanVersionId publish(OrganisationId organisation, SessionPlanId plan, AccountId coordinator) {
		var row = editable(organisation, plan, coordinator);
		var draft = store.draft(row.id()).orElseThrow(() -> new PlanRefused(PlanRefused.Reason.NO_DRAFT));
		store.publish(draft, clock.instant());
		return new PlanVersionId(draft);
	}

	// Programmes

	/**
	 * The programme's plan as its staff see it, with whether the coordinator picked it or
	 * it is the default.
	 */
	public record ProgrammePlan(ProgrammeView programme, SessionPlan plan, PlanVersion version, boolean chosen) {
	}

	@Transactional(readOnly = true)
	public ProgrammePlan programmePlan(ProgrammeId id, AccountId viewer) {
		var programme = programmes.forStaff(id, viewer);
		var chosen = store.chosen(id.value());
		var version = store.version(store.versionRow(chosen.orElseGet(this::defaultVersion)).orElseThrow());
		var plan = store.summary(store.plan(version.plan().value()).orElseThrow());
		return new ProgrammePlan(programme, plan, version, chosen.isPresent());
	}

	/**
	 * The plans a programme's coordinator can pick from: the shipped ones and the
	 * organisation's, published only.
	 */
	@Transactional(readOnly = true)
	public List<SessionPlan> choices(ProgrammeId id, AccountId viewer) {
		var programme = programmes.forStaff(id, viewer);
		var plans = new ArrayList<SessionPlan>();
		for (var row : store.library(programme.organisation().value())) {
			var plan = store.summary(row);
			if (plan.current().isPresent()) {
				plans.add(plan);
			}
		}
		return plans;
	}

	/**
	 * Makes the programme use a published version of a shipped plan or of its
	 * organisation's own.
	 */
	@Transactional
	public void choose(ProgrammeId id, PlanVersionId version, AccountId coordinator) {
		var programme = programmes.forStaff(id, coordinator);
		organisations.require(programme.organisation(), coordinator, Role.COORDINATOR);
		var row = store.versionRow(version.value()).orElseThrow(() -> new NotFoundException("version"));
		visible(programme.organisation(), row.plan());
		if (row.status() != PlanStatus.PUBLISHED) {
			throw new PlanRefused(PlanRefused.Reason.NOT_PUBLISHED);
		}
		store.lockProgramme(id.value());
		store.choose(id.value(), row.id(), coordinator.value(), clock.instant());
	}

	/**
	 * The meetings of the version the programme uses: the one its coordinator picked,
	 * else the default plan's current version. For other modules, which check who may see
	 * it.
	 */
	@Transactional(readOnly = true)
	public PlanVersion forProgramme(ProgrammeId id) {
		programmes.find(id).orElseThrow(() -> new NotFoundException("programme"));
		return store.version(store.versionRow(store.chosen(id.value()).orElseGet(this::defaultVersion)).orElseThrow());
	}

	/**
	 * Every meeting's full plan for a group's mentors, in the group's language and for
	 * how it meets.
	 */
	@Transactional(readOnly = true)
	public List<MentorMeeting> forMentors(ProgrammeId id, Language language, MeetingVariant variant) {
		return forProgramme(id).meetings().stream().map(m -> {
			var written = m.textLanguage(language);
			var text = m.text(written);
			return new MentorMeeting(m.number(), written, text.theme(), text.aims(), text.outline(),
					text.totalMinutes(), text.instructions(), text.instructionsFor(variant));
		}).toList();
	}

	/**
	 * What participants see of the plan: each meeting's theme, in the group's language.
	 */
	@Transactional(readOnly = true)
	public List<MeetingTheme> forParticipants(ProgrammeId id, Language language) {
		return forProgramme(id).meetings().stream().map(m -> {
			var written = m.textLanguage(language);
			return new MeetingTheme(m.number(), written, m.text(written).theme());
		}).toList();
	}

	private UUID defaultVersion() {
		return store.shippedPlan(DEFAULT_PLAN)
			.flatMap(store::current)
			.orElseThrow(() -> new IllegalStateException("the default session plan is not loaded"));
	}

	/**
	 * A plan the organisation may see: shipped, or its own. Anyone else's is not found.
	 */
	private PlanStore.PlanRow visible(OrganisationId organisation, UUID plan) {
		return store.plan(plan)
			.filter(p -> p.organisation() == null || p.organisation().equals(organisation.value()))
			.orElseThrow(() -> new NotFoundException("plan"));
	}

	/**
	 * The organisation's own plan, locked for a change by one of its coordinators;
	 * shipped plans are read-only.
	 */
	private PlanStore.PlanRow editable(OrganisationId organisation, SessionPlanId plan, AccountId coordinator) {
		organisations.require(organisation, coordinator, Role.COORDINATOR);
		var row = visible(organisation, plan.value());
		if (row.organisation() == null) {
			throw new Forbidden("shipped plans are read-only");
		}
		return store.lock(row.id());
	}

	private UUID newDraft(PlanStore.PlanRow plan) {
		var current = store.current(plan.id()).orElseThrow(() -> new NotFoundException("version"));
		var draft = store.insertVersion(plan.id(), store.maxVersion(plan.id()) + 1, PlanStatus.DRAFT, clock.instant());
		store.copyMeetings(current, draft);
		return draft;
	}

}
