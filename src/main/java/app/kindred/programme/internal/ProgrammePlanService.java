package app.kindred.programme.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;

/**
 * The session plan each programme uses: the version its coordinator picked from the
 * library ({@link PlanLibraryService}), else the default plan's version.
 */
@Service
public class ProgrammePlanService {

	/** The plan every programme uses until its coordinator picks another. */
	public static final String DEFAULT_PLAN = "kindred-compassion";

	private final PlanStore store;

	private final ProgrammeAccess access;

	private final ProgrammeService programmes;

	private final Clock clock;

	ProgrammePlanService(PlanStore store, ProgrammeAccess access, ProgrammeService programmes, Clock clock) {
		this.store = store;
		this.access = access;
		this.programmes = programmes;
		this.clock = clock;
	}

	/**
	 * The programme's plan as its staff see it, with whether the coordinator picked it or
	 * it is the default.
	 */
	public record ProgrammePlan(ProgrammeView programme, SessionPlan plan, PlanVersion version, boolean chosen) {
	}

	@Transactional(readOnly = true)
	public ProgrammePlan programmePlan(ProgrammeId id, AccountId viewer) {
		var programme = access.staff(id, viewer);
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
		var programme = access.staff(id, viewer);
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
	 * organisation's own; anything else is refused at the field {@code version}.
	 */
	@Transactional
	public void choose(ProgrammeId id, PlanVersionId version, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		if (version == null) {
			throw Refused.invalid("version", "plans.choose.invalid");
		}
		var row = store.versionRow(version.value()).orElseThrow(() -> new NotFoundException("version"));
		store.visible(programme.organisation(), row.plan());
		if (row.status() != PlanStatus.PUBLISHED) {
			throw Refused.invalid("version", "plans.choose.invalid");
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

	private UUID defaultVersion() {
		return store.shippedPlan(DEFAULT_PLAN)
			.flatMap(store::current)
			.orElseThrow(() -> new IllegalStateException("the default session plan is not loaded"));
	}

}
