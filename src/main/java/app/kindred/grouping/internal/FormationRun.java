package app.kindred.grouping.internal;

import ai.timefold.solver.core.api.solver.Solver;
import java.util.concurrent.CompletableFuture;

/**
 * A formation running in the background for one programme: its latest progress, a stop
 * button, the result.
 */
public final class FormationRun {

	private final CompletableFuture<FormationResult> result = new CompletableFuture<>();

	private volatile FormationProgress progress;

	private volatile boolean stopRequested;

	private volatile Solver<?> solver;

	FormationRun() {
	}

	/** The latest progress, or null before the first proposal. */
	public FormationProgress progress() {
		return progress;
	}

	/** Completes with the best proposal found, also after {@link #terminateEarly()}. */
	public CompletableFuture<FormationResult> result() {
		return result;
	}

	/** Stops the search; the result is the best proposal found so far. */
	public void terminateEarly() {
		stopRequested = true;
		var current = solver;
		if (current != null) {
			current.terminateEarly();
		}
	}

	public boolean stopRequested() {
		return stopRequested;
	}

	void attach(Solver<?> newSolver) {
		this.solver = newSolver;
	}

	void report(FormationProgress newProgress) {
		this.progress = newProgress;
	}

	void complete(FormationResult formationResult) {
		result.complete(formationResult);
	}

	void fail(Throwable failure) {
		result.completeExceptionally(failure);
	}

}
