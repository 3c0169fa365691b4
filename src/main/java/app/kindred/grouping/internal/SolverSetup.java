package app.kindred.grouping.internal;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.value.ValueSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.time.Duration;

/**
 * The solver's configuration. Construction happens before (see
 * {@link InitialAssignment}); Timefold runs late acceptance local search over filtered
 * moves: people changing group, people swapping groups, groups changing slot, language or
 * mode.
 */
public final class SolverSetup {

	private SolverSetup() {
	}

	/**
	 * Stop after {@code spentLimit}, or sooner after {@code unimprovedLimit} without a
	 * better solution (if not null).
	 */
	public static TerminationConfig termination(Duration spentLimit, Duration unimprovedLimit) {
		var termination = new TerminationConfig().withSpentLimit(positive(spentLimit));
		if (unimprovedLimit != null) {
			termination.setUnimprovedSpentLimit(positive(unimprovedLimit));
		}
		return termination;
	}

	public static SolverConfig config(Duration spentLimit, Duration unimprovedLimit) {
		var termination = termination(spentLimit, unimprovedLimit);
		var moves = new UnionMoveSelectorConfig().withMoveSelectors(
				new ChangeMoveSelectorConfig().withEntitySelectorConfig(new EntitySelectorConfig(PersonEntity.class))
					.withValueSelectorConfig(new ValueSelectorConfig("group"))
					.withFilterClass(MoveFilters.PersonChange.class)
					.withFixedProbabilityWeight(5.0),
				new SwapMoveSelectorConfig().withEntitySelectorConfig(new EntitySelectorConfig(PersonEntity.class))
					.withFilterClass(MoveFilters.PersonSwap.class)
					.withFixedProbabilityWeight(4.0),
				groupChange("slot"), groupChange("language"), groupChange("mode"));
		var localSearch = new LocalSearchPhaseConfig().withMoveSelectorConfig(moves)
			.withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(400))
			.withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
		return new SolverConfig().withSolutionClass(FormationSolution.class)
			.withEntityClasses(GroupEntity.class, PersonEntity.class)
			.withConstraintProviderClass(FormationConstraints.class)
			.withEnvironmentMode(EnvironmentMode.NO_ASSERT)
			.withRandomSeed(42L)
			.withTerminationConfig(termination)
			.withPhases(localSearch);
	}

	public static SolverFactory<FormationSolution> factory(Duration spentLimit, Duration unimprovedLimit) {
		return SolverFactory.create(config(spentLimit, unimprovedLimit));
	}

	private static ChangeMoveSelectorConfig groupChange(String variable) {
		return new ChangeMoveSelectorConfig().withEntitySelectorConfig(new EntitySelectorConfig(GroupEntity.class))
			.withValueSelectorConfig(new ValueSelectorConfig(variable))
			.withFilterClass(MoveFilters.GroupChange.class)
			.withFixedProbabilityWeight(0.3);
	}

	private static Duration positive(Duration duration) {
		return Duration.ofMillis(Math.max(1, duration.toMillis()));
	}

}
