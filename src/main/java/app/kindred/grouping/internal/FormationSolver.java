package app.kindred.grouping.internal;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.event.BestSolutionChangedEvent;
import app.kindred.core.Refused;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Forms groups: a construction that places the most participants any grouping can
 * ({@link InitialAssignment}, exact by SCIP), then Timefold Solver's local search for the
 * preferences within the time limit, reporting progress as it goes.
 *
 * <p>
 * Only one run per programme at a time in this JVM; {@link FormationRunner} also claims
 * the programme in the database, so that two application instances never run it twice.
 */
@Component
public class FormationSolver {

	private static final long PROGRESS_INTERVAL_NANOS = 250_000_000L;

	private final ExecutorService executor = Executors
		.newThreadPerTaskExecutor(Thread.ofPlatform().name("group-formation-", 0).daemon(true).factory());

	private final ConcurrentMap<UUID, FormationRun> runs = new ConcurrentHashMap<>();

	/**
	 * Starts forming a programme's groups in the background.
	 * @throws Refused when the programme's groups are being formed already
	 */
	public FormationRun start(UUID programmeId, FormationProblem problem, FormationLimits limits,
			Consumer<FormationProgress> listener) {
		var run = new FormationRun();
		if (runs.putIfAbsent(programmeId, run) != null) {
			throw alreadyRunning();
		}
		try {
			executor.execute(() -> {
				FormationResult result = null;
				Throwable failure = null;
				try {
					result = solve(problem, limits, listener, run);
				}
				catch (Throwable thrown) {
					failure = thrown;
				}
				// Free the programme before completing, so whoever waits for the result
				// may start again at once.
				runs.remove(programmeId, run);
				if (failure != null) {
					run.fail(failure);
				}
				else {
					run.complete(result);
				}
			});
		}
		catch (RuntimeException rejected) {
			runs.remove(programmeId, run);
			throw rejected;
		}
		return run;
	}

	/** The programme's run in progress, if any. */
	public Optional<FormationRun> running(UUID programmeId) {
		return Optional.ofNullable(runs.get(programmeId));
	}

	/** Forms groups in the calling thread (for tests and benchmarks); no guard. */
	public FormationResult solve(FormationProblem problem, FormationLimits limits,
			Consumer<FormationProgress> listener) {
		return solve(problem, limits, listener, new FormationRun());
	}

	/**
	 * Scores a grouping as it stands, such as a proposal after a coordinator's changes by
	 * hand: the same rules as the solver, no solving. Members of the given groups that
	 * are not among the problem's people any more (someone withdrew) are left out;
	 * everyone else not in a group is reported unplaced with the reason.
	 */
	public FormationResult evaluate(FormationProblem problem, List<FormationResult.Group> groups) {
		var solution = scored(problem, groups);
		SolutionManager<FormationSolution, HardSoftLongScore> solutionManager = SolutionManager
			.create(SolverSetup.factory(Duration.ofSeconds(1), null));
		var analysis = solutionManager.analyze(solution, ScoreAnalysisFetchPolicy.FETCH_MATCH_COUNT);
		return ResultMapper.toResult(problem, solution, analysis, Duration.ZERO, null);
	}

	/** These groups as a solution with its score and shadow variables up to date. */
	private static FormationSolution scored(FormationProblem problem, List<FormationResult.Group> groups) {
		var known = new HashSet<UUID>();
		problem.people().forEach(p -> known.add(p.id()));
		var pins = groups.stream().map(g -> {
			var members = new HashSet<UUID>(g.mentors());
			members.addAll(g.participants());
			members.retainAll(known);
			return new FormationProblem.PinnedGroup(g.id(), g.slot(), g.language(), g.mode(), members);
		}).toList();
		var solution = SolutionBuilder.build(problem.withPinnedGroups(pins));
		SolutionManager<FormationSolution, HardSoftLongScore> solutionManager = SolutionManager
			.create(SolverSetup.factory(Duration.ofSeconds(1), null));
		solutionManager.update(solution);
		return solution;
	}

	/**
	 * A hard rule one group breaks: its number as the page shows it (from 1, in the order
	 * given), the rule (a constraint name), and the members who break it; empty when the
	 * group as a whole does (its size, its number of mentors).
	 */
	public record Breach(int group, String rule, List<UUID> people) {
	}

	/**
	 * Who breaks which hard rule in these groups, so that a coordinator can see what to
	 * change: the same per-group rules the solver scores ({@link FormationConstraints}).
	 */
	public List<Breach> breaches(FormationProblem problem, List<FormationResult.Group> groups) {
		var solution = scored(problem, groups);
		var byId = new HashMap<UUID, GroupEntity>();
		solution.getGroups().forEach(g -> byId.put(g.getId(), g));
		var breaches = new ArrayList<Breach>();
		for (int i = 0; i < groups.size(); i++) {
			var group = byId.get(groups.get(i).id());
			if (group == null || group.getMembers().isEmpty()) {
				continue;
			}
			int number = i + 1;
			if (group.mentorViolation() > 0) {
				breaches.add(new Breach(number, FormationConstraints.MENTORS_PER_GROUP, List.of()));
			}
			addPeople(breaches, number, FormationConstraints.COMMON_SLOT, group, m -> !m.canAttend(group.getSlot()));
			addPeople(breaches, number, FormationConstraints.COMMON_LANGUAGE, group,
					m -> !m.speaks(group.getLanguage()));
			addPeople(breaches, number, FormationConstraints.REACHABLE_MODE, group, m -> !m.canReach(group.getMode()));
			if (group.sizeViolation() > 0) {
				breaches.add(new Breach(number, FormationConstraints.GROUP_SIZE, List.of()));
			}
		}
		return breaches;
	}

	private static void addPeople(List<Breach> breaches, int number, String rule, GroupEntity group,
			Predicate<PersonEntity> breaks) {
		var people = group.getMembers().stream().filter(breaks).map(PersonEntity::getId).toList();
		if (!people.isEmpty()) {
			breaches.add(new Breach(number, rule, people));
		}
	}

	private FormationResult solve(FormationProblem problem, FormationLimits limits,
			Consumer<FormationProgress> listener, FormationRun run) {
		long started = System.nanoTime();
		Consumer<FormationProgress> report = progress -> {
			run.report(progress);
			if (listener != null) {
				listener.accept(progress);
			}
		};
		var solution = SolutionBuilder.build(problem);
		var rules = new Rules(problem.minSize(), problem.maxSize(), problem.maxMentorsPerGroup(),
				problem.maxFromSameDepartment());
		// The search over group counts gets up to a third of the time; local search the
		// rest.
		var limit = InitialAssignment.apply(solution, rules, UUID::randomUUID, limits.timeLimit().dividedBy(3),
				run::stopRequested);
		var remaining = limits.timeLimit().minusNanos(System.nanoTime() - started);
		var factory = SolverSetup.factory(remaining, limits.unimprovedLimit());
		SolutionManager<FormationSolution, HardSoftLongScore> solutionManager = SolutionManager.create(factory);
		solutionManager.update(solution);
		report.accept(progress(solution, started, false));

		var best = solution;
		// What is left of the time limit once the solver is built, so that building it
		// counts too.
		remaining = limits.timeLimit().minusNanos(System.nanoTime() - started);
		if (!run.stopRequested() && remaining.isPositive()) {
			var solver = factory.buildSolver(new SolverConfigOverride<FormationSolution>()
				.withTerminationConfig(SolverSetup.termination(remaining, limits.unimprovedLimit())));
			long[] lastReport = { System.nanoTime() };
			solver.addEventListener((BestSolutionChangedEvent<FormationSolution> event) -> {
				if (run.stopRequested()) {
					solver.terminateEarly();
				}
				long now = System.nanoTime();
				if (now - lastReport[0] >= PROGRESS_INTERVAL_NANOS) {
					lastReport[0] = now;
					report.accept(progress(event.getNewBestSolution(), started, false));
				}
			});
			run.attach(solver);
			best = solver.solve(solution);
		}
		var analysis = solutionManager.analyze(best, ScoreAnalysisFetchPolicy.FETCH_MATCH_COUNT);
		var elapsed = Duration.ofNanos(System.nanoTime() - started);
		report.accept(progress(best, started, true));
		return ResultMapper.toResult(problem, best, analysis, elapsed, limit);
	}

	private static FormationProgress progress(FormationSolution solution, long started, boolean finished) {
		int participants = (int) solution.getPeople().stream().filter(p -> p.isParticipant()).count();
		var score = solution.getScore();
		return new FormationProgress(String.valueOf(score), score != null && score.isFeasible(),
				solution.participantsPlaced(), participants, Duration.ofNanos(System.nanoTime() - started), finished);
	}

	@PreDestroy
	void shutdown() {
		runs.values().forEach(FormationRun::terminateEarly);
		executor.shutdownNow();
	}

	/** Refuses a second run for a programme whose groups are being formed. */
	static Refused alreadyRunning() {
		return Refused.conflict("grouping.alreadyRunning");
	}

}
