import app.kindred.grouping.internal.FormationLimits;
import app.kindred.grouping.internal.FormationProblem;
import app.kindred.grouping.internal.FormationProblem.Person;
import app.kindred.grouping.internal.FormationResult;
import app.kindred.grouping.internal.FormationSolver;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.UUID;

/**
 * Generates a programme, forms its groups, checks the hard rules independently of the solver, computes the bound and
 * prints the result line. See bench/group-formation.
 */
public final class GroupFormationBench {

	public static void main(String[] args) {
		int participants = 200;
		double seconds = -1;
		double boundSeconds = 120;
		boolean boundOnly = false;
		boolean suite = false;
		java.util.List<String> only = java.util.List.of();
		String style = "default";
		long seed = 1;
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--participants" -> participants = Integer.parseInt(args[++i]);
				case "--style" -> style = args[++i];
				case "--seed" -> seed = Long.parseLong(args[++i]);
				case "--suite" -> suite = true;
				case "--only" -> only = java.util.List.of(args[++i].split(","));
				case "--seconds" -> seconds = Double.parseDouble(args[++i]);
				case "--bound-seconds" -> boundSeconds = Double.parseDouble(args[++i]);
				case "--bound-only" -> boundOnly = true;
				default -> throw new IllegalArgumentException("unknown argument " + args[i]);
			}
		}
		if (suite) {
			Suite.run(seconds, boundSeconds, only);
			return;
		}
		if (seconds <= 0) {
			// Within the bar: 10 s at 200, 30 s at 2,000, 120 s at 10,000.
			seconds = Math.min(110, Math.max(5, participants / 100.0));
		}
		var problem = switch (style) {
			case "default" -> ProgrammeGenerator.generate(participants);
			case "scarce" -> ScarceProgrammeGenerator.generate(participants, seed);
			case "traps" -> SmallProgrammes.traps();
			case "traps2" -> SmallProgrammes.trapsTwo();
			case "small" -> SmallProgrammes.random(seed);
			default -> throw new IllegalArgumentException("unknown style " + style + " (default, scarce, traps, traps2, small)");
		};
		participants = (int) problem.people().stream().filter(p -> !p.isMentor()).count();
		long mentors = problem.people().stream().filter(Person::isMentor).count();
		System.out.printf(Locale.ROOT, "programme: participants=%d mentors=%d slots=%d campuses=%d time_limit=%.0fs%n",
				participants, mentors, problem.slots().size(), problem.campuses().size(), seconds);
		if (boundOnly) {
			var bound = bound(problem, boundSeconds);
			System.out.printf(Locale.ROOT, "groups: participants=%d mentors=%d slots=%d bound=%d (%s)%n", participants,
					mentors, problem.slots().size(), bound.value(), bound.optimal() ? "exact optimum" : "upper bound");
			return;
		}
		var limit = Duration.ofMillis((long) (seconds * 1000));
		var lastPrinted = new long[] { -5 };
		var result = new FormationSolver().solve(problem, new FormationLimits(limit, limit.dividedBy(4)), progress -> {
			long second = progress.elapsed().toSeconds();
			if (progress.finished() || second >= lastPrinted[0] + 5) {
				lastPrinted[0] = second;
				System.out.printf(Locale.ROOT, "  %5.1fs placed=%d score=%s%n", progress.elapsed().toMillis() / 1000.0,
						progress.participantsPlaced(), progress.score());
			}
		});
		double solverSeconds = result.elapsed().toMillis() / 1000.0;
		int violations = check(problem, result);
		System.out.println("score: " + result.score());
		result.constraints().forEach(c -> System.out.printf(Locale.ROOT, "  %-45s hard=%d soft=%d matches=%d%n",
				c.constraint(), c.hardScore(), c.softScore(), c.matches()));
		var reasons = new HashMap<String, Integer>();
		result.unplaced().forEach(u -> reasons.merge(u.role() + " " + u.reason(), 1, Integer::sum));
		System.out.println("unplaced: " + reasons);
		System.out.println("hard-rule violations found by the independent check: " + violations);
		var bound = bound(problem, boundSeconds);
		if (style.startsWith("traps") || style.equals("small")) {
			var exact = BruteForce.solve(problem);
			System.out.printf(Locale.ROOT, "brute force: optimum %d (%d group sets, %.1fs; its grouping breaks %d hard rules)%n",
					exact.optimum(), exact.groupSets(), exact.seconds(), check(problem, exact.groups()));
		}
		int placed = violations == 0 ? result.participantsPlaced() : 0;
		double ratio = bound.value() == 0 ? 1.0 : (double) placed / bound.value();
		if (!bound.optimal() && placed == bound.value()) {
			System.out.println("optimum: " + placed + " (not proven by SCIP in time, but the solver's grouping, checked "
					+ "above, attains SCIP's upper bound)");
		}
		System.out.printf(Locale.ROOT, "groups: participants=%d mentors=%d slots=%d placed=%d bound=%d ratio=%.4f seconds=%.1f%n",
				participants, mentors, problem.slots().size(), placed, bound.value(), ratio, solverSeconds);
	}

	/** The bound, and the grouping that attains it checked against the hard rules like the solver's. */
	static PlacementBound.Bound bound(FormationProblem problem, double boundSeconds) {
		var bound = PlacementBound.compute(problem, boundSeconds);
		int witnessViolations = check(problem, bound.witness());
		if (bound.optimal() && (witnessViolations > 0 || bound.witnessPlaced() != bound.value())) {
			throw new IllegalStateException("The optimum's grouping breaks " + witnessViolations
					+ " hard rules or places " + bound.witnessPlaced() + ", not " + bound.value());
		}
		System.out.printf(Locale.ROOT, "bound: %d (%s, %.1fs; %s)%n", bound.value(),
				bound.optimal() ? "exact optimum, proven by SCIP" : "upper bound: SCIP's best bound when time ran out",
				bound.seconds(),
				bound.optimal() ? "a grouping placing " + bound.witnessPlaced() + " built from it keeps every hard rule"
						: "best grouping it found places " + bound.witnessPlaced()
								+ (witnessViolations == 0 ? "" : ", breaking " + witnessViolations + " hard rules"));
		return bound;
	}

	/** Counts broken hard rules, reading only the problem and the result. */
	static int check(FormationProblem problem, FormationResult result) {
		return check(problem, result.groups());
	}

	/** Counts broken hard rules of groups, reading only the problem and the groups. */
	static int check(FormationProblem problem, java.util.List<FormationResult.Group> groups) {
		var people = new HashMap<UUID, Person>();
		problem.people().forEach(p -> people.put(p.id(), p));
		var seen = new HashSet<UUID>();
		int violations = 0;
		for (var group : groups) {
			if (group.mentors().size() < 2 || group.mentors().size() > problem.maxMentorsPerGroup()) {
				violations++;
			}
			if (group.size() < problem.minSize() || group.size() > problem.maxSize()) {
				violations++;
			}
			for (var ids : java.util.List.of(group.mentors(), group.participants())) {
				for (var id : ids) {
					var person = people.get(id);
					if (!seen.add(id)) {
						violations++;
					}
					boolean mentorList = ids == group.mentors();
					if (person.isMentor() != mentorList || !person.availability().containsKey(group.slot())
							|| !person.languages().contains(group.language()) || !person.canReach(group.mode())) {
						violations++;
					}
				}
			}
		}
		return violations;
	}
}
