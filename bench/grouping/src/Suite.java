import app.kindred.grouping.internal.FormationLimits;
import app.kindred.grouping.internal.FormationProblem;
import app.kindred.grouping.internal.FormationProblem.Person;
import app.kindred.grouping.internal.FormationSolver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * bench/group-formation --suite: every instance of issue 18's bar, one line each, then a summary. The optimum is exact
 * by brute force for the small ones (cross-checked against SCIP), SCIP's proven optimum for the larger ones when it
 * proves one, else SCIP's upper bound.
 */
final class Suite {

	private record Instance(String name, FormationProblem problem, double seconds, boolean bruteForce) {
	}

	private Suite() {
	}

	static void run(double maxSeconds, double boundSeconds, List<String> only) {
		var instances = new ArrayList<Instance>();
		instances.add(new Instance("traps", SmallProgrammes.traps(), 5, true));
		instances.add(new Instance("traps-2", SmallProgrammes.trapsTwo(), 5, true));
		for (int seed = 1; seed <= 40; seed++) {
			instances.add(new Instance("small-" + seed, SmallProgrammes.random(seed), 5, true));
		}
		instances.add(new Instance("scarce-200", ScarceProgrammeGenerator.generate(200, 1), 10, false));
		instances.add(new Instance("scarce-1000", ScarceProgrammeGenerator.generate(1000, 2), 30, false));
		// Seeds 7 and 8 allow three mentors per group (1, 2 and 3 do not).
		instances.add(new Instance("scarce-200-s7", ScarceProgrammeGenerator.generate(200, 7), 10, false));
		instances.add(new Instance("scarce-1000-s8", ScarceProgrammeGenerator.generate(1000, 8), 30, false));
		instances.add(new Instance("scarce-3000", ScarceProgrammeGenerator.generate(3000, 3), 60, false));
		// Today's instances, at the single-instance mode's default time limits.
		instances.add(new Instance("default-200", ProgrammeGenerator.generate(200), 5, false));
		instances.add(new Instance("default-1000", ProgrammeGenerator.generate(1000), 10, false));
		if (!only.isEmpty()) {
			// Names or prefixes such as small- to run part of the suite while working on the solver.
			instances.removeIf(i -> only.stream()
				.noneMatch(o -> i.name().equals(o) || o.endsWith("-") && i.name().startsWith(o)));
		}
		int atOptimum = 0;
		long totalShort = 0;
		double worstRatio = 1;
		String worst = "-";
		int crossCheckMismatches = 0;
		var shortBy = new ArrayList<String>();
		for (var instance : instances) {
			var problem = instance.problem();
			double seconds = maxSeconds > 0 ? Math.min(maxSeconds, instance.seconds()) : instance.seconds();
			var limit = Duration.ofMillis((long) (seconds * 1000));
			var result = new FormationSolver().solve(problem, new FormationLimits(limit, limit.dividedBy(4)), p -> {
			});
			int violations = GroupFormationBench.check(problem, result);
			int placed = violations == 0 ? result.participantsPlaced() : 0;
			long optimum;
			String kind;
			if (instance.bruteForce()) {
				var exact = BruteForce.solve(problem);
				int witnessViolations = GroupFormationBench.check(problem, exact.groups());
				if (witnessViolations > 0) {
					throw new IllegalStateException(instance.name() + ": brute force's grouping breaks "
							+ witnessViolations + " hard rules");
				}
				optimum = exact.optimum();
				kind = "brute force";
				var scip = PlacementBound.compute(problem, 20);
				if (!scip.optimal() || scip.value() != optimum) {
					crossCheckMismatches++;
					System.out.printf(Locale.ROOT, "  cross-check: %s brute force %d, SCIP %d (%s)%n", instance.name(),
							optimum, scip.value(), scip.optimal() ? "exact" : "bound");
				}
			}
			else {
				var bound = PlacementBound.compute(problem, boundSeconds);
				optimum = bound.value();
				kind = bound.optimal() ? "SCIP exact" : "SCIP bound";
				if (bound.optimal()) {
					int witnessViolations = GroupFormationBench.check(problem, bound.witness());
					if (witnessViolations > 0 || bound.witnessPlaced() != bound.value()) {
						throw new IllegalStateException(instance.name() + ": SCIP's grouping breaks "
								+ witnessViolations + " hard rules or places " + bound.witnessPlaced());
					}
				}
			}
			if (placed > optimum) {
				System.out.printf(Locale.ROOT, "  WARNING: %s places %d, more than the optimum %d%n", instance.name(),
						placed, optimum);
			}
			long participants = problem.people().stream().filter(p -> !p.isMentor()).count();
			long mentors = problem.people().stream().filter(Person::isMentor).count();
			System.out.printf(Locale.ROOT,
					"instance=%s participants=%d mentors=%d placed=%d optimum=%d (%s) seconds=%.1f violations=%d%n",
					instance.name(), participants, mentors, placed, optimum, kind,
					result.elapsed().toMillis() / 1000.0, violations);
			if (placed >= optimum) {
				atOptimum++;
			}
			else {
				shortBy.add(instance.name() + ":" + (optimum - placed));
				totalShort += optimum - placed;
			}
			double ratio = optimum == 0 ? 1 : (double) placed / optimum;
			if (ratio < worstRatio) {
				worstRatio = ratio;
				worst = instance.name();
			}
		}
		System.out.printf(Locale.ROOT,
				"suite: instances=%d at_optimum=%d short_by=%s total_short=%d worst_ratio=%.4f (%s) cross_check_mismatches=%d%n",
				instances.size(), atOptimum, shortBy.isEmpty() ? "none" : String.join(",", shortBy), totalShort,
				worstRatio, worst, crossCheckMismatches);
	}
}
