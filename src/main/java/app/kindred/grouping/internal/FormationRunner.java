package app.kindred.grouping.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import app.kindred.programme.ProgrammeId;

/**
 * Runs the solver in the background, one run per programme across every application
 * instance, and stores its proposal when the run ends (stopped early or not), replacing
 * the previous one.
 */
@Component
class FormationRunner {

	private static final Logger log = LoggerFactory.getLogger(FormationRunner.class);

	private final FormationSolver solver;

	private final RunClaimStore claims;

	private final ProposalStore store;

	private final ConcurrentMap<ProgrammeId, FormationRun> unfinished = new ConcurrentHashMap<>();

	/** The time each of this instance's runs was given, for the progress bar. */
	private final ConcurrentMap<FormationRun, Duration> limits = new ConcurrentHashMap<>();

	FormationRunner(FormationSolver solver, RunClaimStore claims, ProposalStore store) {
		this.solver = solver;
		this.claims = claims;
		this.store = store;
	}

	/** Starts a run with this time limit; a second start while one runs is refused. */
	void start(ProgrammeId id, FormationProblem problem, Duration timeLimit) {
		// One run per programme on every instance: the claim is the guard, the solver's
		// map only guards this one
		if (!claims.claim(id, timeLimit)) {
			throw FormationSolver.alreadyRunning();
		}
		FormationRun run;
		try {
			run = solver.start(id.value(), problem, FormationLimits.of(timeLimit), progress -> {
			});
		}
		catch (RuntimeException refused) {
			claims.release(id);
			throw refused;
		}
		// Until its proposal is stored, a run counts as running, so the page never shows
		// the old proposal as done
		limits.put(run, timeLimit);
		unfinished.put(id, run);
		run.result().whenComplete((result, failure) -> {
			try {
				if (failure != null) {
					log.error("Forming the groups of programme {} failed", id.value(), failure);
				}
				else {
					store.keep(id, result);
				}
			}
			finally {
				claims.release(id);
				unfinished.remove(id, run);
				limits.remove(run);
			}
		});
	}

	/**
	 * Shares the progress of this instance's runs with every instance, and stops those a
	 * coordinator stopped on any of them. Asking again while a stop is pending also
	 * covers a stop that came before the solver started.
	 */
	@Scheduled(fixedDelayString = "PT0.5S")
	void shareProgress() {
		unfinished.forEach((programme, run) -> {
			if (claims.report(programme, run.progress()) || run.stopRequested()) {
				run.terminateEarly();
			}
		});
	}

	void stop(ProgrammeId id) {
		claims.requestStop(id);
		Optional.ofNullable(unfinished.get(id))
			.or(() -> solver.running(id.value()))
			.ifPresent(FormationRun::terminateEarly);
	}

	/**
	 * A run of this instance that has not stored its proposal yet, or one any instance
	 * has claimed.
	 */
	Optional<FormationProgress> running(ProgrammeId id) {
		return Optional.ofNullable(unfinished.get(id))
			.map(run -> (run.progress() != null ? run.progress()
					: new FormationProgress("", false, 0, 0, Duration.ZERO, false))
				.withTimeLimit(limits.getOrDefault(run, Duration.ZERO)))
			.or(() -> claims.current(id));
	}

}
