package app.kindred.programme.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Forbidden;
import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.Role;

/**
 * An organisation's library of session plans: what happens in each group meeting. Every
 * organisation's staff see the plans Kindred ships and their own; coordinators copy a
 * plan, edit its meetings and publish versions, which programmes then pick from
 * ({@link ProgrammePlanService}).
 *
 * <p>
 * A published version never changes: editing a plan whose versions are all published
 * starts a new draft from the newest one, so a programme keeps exactly the version it
 * uses until its coordinator picks another.
 */
@Service
public class PlanLibraryService {

	private final PlanStore store;

	private final Organisations organisations;

	private final Clock clock;

	PlanLibraryService(PlanStore store, Organisations organisations, Clock clock) {
		this.store = store;
		this.organisations = organisations;
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
		return store.summary(store.visible(organisation, plan.value()));
	}

	/**
	 * One version with its meetings; a version of another organisation's plan is not
	 * found.
	 */
	@Transactional(readOnly = true)
	public PlanVersion version(OrganisationId organisation, PlanVersionId version, AccountId viewer) {
		organisations.require(organisation, viewer);
		var row = store.versionRow(version.value()).orElseThrow(() -> new NotFoundException("version"));
		store.visible(organisation, row.plan());
		return store.version(row);
	}

	/**
	 * What is being worked on: the draft if there is one, else the newest published
	 * version.
	 */
	@Transactional(readOnly = true)
	public PlanVersion working(OrganisationId organisation, SessionPlanId plan, AccountId viewer) {
		organisations.require(organisation, viewer);
		var row = store.visible(organisation, plan.value());
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
		if (store.visible(organisation, plan.value()).organisation() == null) {
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
		var original = store.summary(store.visible(organisation, version.plan()));
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
		var draft = store.draft(row.id()).orElseThrow(() -> Refused.conflict("plans.refused.NO_DRAFT"));
		store.publish(draft, clock.instant());
		return new PlanVersionId(draft);
	}

	/**
	 * The organisation's own plan, locked for a change by one of its coordinators;
	 * shipped plans are read-only.
	 */
	private PlanStore.PlanRow editable(OrganisationId organisation, SessionPlanId plan, AccountId coordinator) {
		organisations.require(organisation, coordinator, Role.COORDINATOR);
		var row = store.visible(organisation, plan.value());
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
