package app.kindred.grouping.internal;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * How many groups of each type (slot x language x mode) to open, and which mentors lead
 * them, so that the most participants fit: an exact integer model solved by SCIP, which
 * ships with OR-Tools.
 *
 * <p>
 * People who can meet in the same types are interchangeable for the count, so the model
 * works on classes of them, not on people: integer variables g_k (groups of type k), y_dk
 * (mentors of class d in type k) and x_ck (participants of class c in type k). A class
 * sends at most its size; a type's groups take 2 g_k to maxMentors g_k mentors and,
 * mentors included, minSize g_k to maxSize g_k members, plus the free seats of its pinned
 * groups. Maximise the participants sent.
 *
 * <p>
 * The model is exact, not a relaxation: the counts of any grouping satisfy it, and any
 * solution of it is a grouping with as many participants placed. Hand each mentor class
 * out as y says and split a type's mentors over its g_k groups (two each, then one by
 * one), and a seating of the participants by augmenting paths, first up to every group's
 * minimum and then up to the maximum ({@link InitialAssignment}), reaches the same
 * number, since for fixed groups that is a maximum flow and x is a flow of that value. So
 * when SCIP proves its solution optimal, no grouping can place more; when time runs out
 * first, its best bound still says how many at most.
 *
 * <p>
 * Why an exact solver rather than a search over counts: on programmes where mentors are
 * scarce and most people share one or two popular evenings, undoing a wrong group takes
 * several steps that are each worse alone, and local search over counts stopped short of
 * the optimum whatever its time. Why SCIP rather than CP-SAT: on the benchmark's 200
 * participants SCIP proved the optimum in 1.5 s of CPU where CP-SAT (one or two workers,
 * either linearization level) had not in 60 s. The model is a small integer programme
 * whose linear relaxation is nearly tight, which a MIP solver's cuts settle; CP-SAT's
 * strength, search over many discrete choices, is not what it needs.
 */
final class PlacementModel {

	/**
	 * Counts and mentor flows of a solution, and what is proven about it.
	 *
	 * @param groups groups to open per type
	 * @param mentors per mentor class (see {@link #mentorClassTypes}), how many go to
	 * each of its types
	 * @param placed participants the solution places (of those given to the model)
	 * @param most the most any solution can place, as proven: {@code placed} when SCIP
	 * proved it optimal, else its bound
	 */
	record Plan(int[] groups, int[][] mentors, int placed, int most) {
	}

	/**
	 * A grouping to start from, such as a greedy's: SCIP's own heuristics found poor
	 * first solutions on large programmes (297 where 992 were placeable), so it is given
	 * a complete one.
	 *
	 * @param groups groups per type
	 * @param mentorTypes for each free mentor (as given to the constructor), the type of
	 * their group, or -1
	 * @param participantTypes the same for each free participant
	 */
	record Start(int[] groups, int[] mentorTypes, int[] participantTypes) {
	}

	private final int typeCount;

	private final Rules rules;

	private final int[] fixedSeats;

	private final int[][] mentorClassTypes;

	private final int[] mentorClassSizes;

	private final int[] mentorClassOf;

	private final int[] participantClassOf;

	private final int[][] participantClassTypes;

	private final int[] participantClassSizes;

	private final int mentorCount;

	private final int upperLimit;

	/**
	 * @param mentorTypes for each free mentor, the types they can meet in
	 * @param participantTypes for each free participant, the types they can meet in
	 * @param fixedSeats per type, the participant seats left in pinned groups
	 */
	PlacementModel(int typeCount, Rules rules, int[][] mentorTypes, int[][] participantTypes, int[] fixedSeats) {
		this.typeCount = typeCount;
		this.rules = rules;
		this.fixedSeats = fixedSeats;
		this.mentorClassOf = new int[mentorTypes.length];
		var mentorClasses = TypeSet.classes(mentorTypes, mentorClassOf);
		this.mentorClassTypes = mentorClasses.keySet().stream().map(TypeSet::types).toArray(int[][]::new);
		this.mentorClassSizes = mentorClasses.values().stream().mapToInt(Integer::intValue).toArray();
		this.participantClassOf = new int[participantTypes.length];
		var participantClasses = TypeSet.classes(participantTypes, participantClassOf);
		this.participantClassTypes = participantClasses.keySet().stream().map(TypeSet::types).toArray(int[][]::new);
		this.participantClassSizes = participantClasses.values().stream().mapToInt(Integer::intValue).toArray();
		this.mentorCount = Arrays.stream(mentorClassSizes).sum();
		int placeable = Arrays.stream(participantClassSizes).sum();
		int seats = mentorCount / Rules.MIN_MENTORS * rules.participantSeats() + Arrays.stream(fixedSeats).sum();
		this.upperLimit = Math.min(placeable, seats);
	}

	/**
	 * The most participants any grouping could place, by counting alone: those with a
	 * type at all, at most the seats of every mentor pair.
	 */
	int upperLimit() {
		return upperLimit;
	}

	/** Mentor classes' types, in the order {@link Plan#mentors} uses. */
	int[][] mentorClassTypes() {
		return mentorClassTypes;
	}

	/**
	 * The class of each mentor given to the constructor (by position), or -1 for one who
	 * can meet nowhere.
	 */
	int[] mentorClassOf() {
		return mentorClassOf;
	}

	/**
	 * Solves the model within the time given, starting from {@code hint} (group counts
	 * per type, such as a greedy's). Empty when no solution was found in time.
	 */
	Optional<Plan> solve(Start start, long deadlineNanos, BooleanSupplier stop) {
		OrTools.load();
		var solver = MPSolver.createSolver("SCIP");
		if (solver == null) {
			throw new IllegalStateException("OR-Tools offers no SCIP here");
		}
		try {
			return solve(solver, start, deadlineNanos, stop);
		}
		finally {
			solver.delete();
		}
	}

	private Optional<Plan> solve(MPSolver solver, Start start, long deadlineNanos, BooleanSupplier stop) {
		int maxMentors = rules.maxMentors();
		int minSize = rules.minSize();
		int maxSize = rules.maxSize();
		int seats = rules.participantSeats();
		var mentorsOfType = new int[typeCount];
		var participantsOfType = new int[typeCount];
		count(mentorClassTypes, mentorClassSizes, mentorsOfType);
		count(participantClassTypes, participantClassSizes, participantsOfType);

		var groups = new MPVariable[typeCount];
		var groupLimit = new int[typeCount];
		var hinted = new ArrayList<MPVariable>();
		var mentorsStarted = started(start.mentorTypes(), mentorClassOf);
		var participantsStarted = started(start.participantTypes(), participantClassOf);
		var hints = new ArrayList<Double>();
		// Redundant, but they let SCIP settle many programmes at once: every group takes
		// two mentors, and holds at most maxSize - 2 participants.
		var allGroups = solver.makeConstraint(0, mentorCount / Rules.MIN_MENTORS);
		var seatsOfAll = solver.makeConstraint(Double.NEGATIVE_INFINITY, Arrays.stream(fixedSeats).sum());
		for (int k = 0; k < typeCount; k++) {
			int most = Math.min(mentorsOfType[k] / Rules.MIN_MENTORS,
					(mentorsOfType[k] + participantsOfType[k]) / minSize);
			if (most > 0) {
				groupLimit[k] = most;
				groups[k] = solver.makeIntVar(0, most, "g" + k);
				hinted.add(groups[k]);
				hints.add((double) start.groups()[k]);
				allGroups.setCoefficient(groups[k], 1);
				seatsOfAll.setCoefficient(groups[k], -seats);
			}
		}
		var mentorsAt = lists(typeCount);
		var participantsAt = lists(typeCount);
		var mentorFlows = new MPVariable[mentorClassTypes.length][];
		for (int d = 0; d < mentorClassTypes.length; d++) {
			mentorFlows[d] = new MPVariable[mentorClassTypes[d].length];
			var sent = solver.makeConstraint(0, mentorClassSizes[d]);
			for (int t = 0; t < mentorClassTypes[d].length; t++) {
				int k = mentorClassTypes[d][t];
				if (groups[k] != null) {
					var y = solver.makeIntVar(0, Math.min(mentorClassSizes[d], maxMentors * groupLimit[k]), "");
					mentorFlows[d][t] = y;
					hinted.add(y);
					hints.add((double) mentorsStarted.getOrDefault(key(d, k), 0));
					sent.setCoefficient(y, 1);
					mentorsAt.get(k).add(y);
					// Redundant but tightening: a class sends no more to a type than its
					// groups take.
					constraint(solver, Double.NEGATIVE_INFINITY, 0, y, groups[k], -maxMentors);
				}
			}
		}
		var objective = solver.objective();
		objective.setMaximization();
		boolean anyone = false;
		for (int c = 0; c < participantClassTypes.length; c++) {
			var sent = solver.makeConstraint(0, participantClassSizes[c]);
			for (int k : participantClassTypes[c]) {
				int room = seats * groupLimit[k] + fixedSeats[k];
				if (room == 0) {
					continue;
				}
				// Continuous: once the group counts are whole, the rest is a flow
				// network,
				// whose best flows are whole too; the seating by augmenting paths finds
				// one.
				// SCIP branches on the counts and mentors only.
				var x = solver.makeNumVar(0, Math.min(participantClassSizes[c], room), "");
				hinted.add(x);
				hints.add((double) participantsStarted.getOrDefault(key(c, k), 0));
				sent.setCoefficient(x, 1);
				objective.setCoefficient(x, 1);
				seatsOfAll.setCoefficient(x, 1);
				participantsAt.get(k).add(x);
				anyone = true;
				if (groups[k] != null) {
					// Redundant but tightening: a class sends no more to a type than its
					// groups seat.
					constraint(solver, Double.NEGATIVE_INFINITY, fixedSeats[k], x, groups[k], -seats);
				}
			}
		}
		if (!anyone) {
			return Optional.of(new Plan(new int[typeCount], emptyFlows(), 0, 0));
		}
		for (int k = 0; k < typeCount; k++) {
			if (groups[k] == null) {
				var fixed = solver.makeConstraint(0, fixedSeats[k]);
				participantsAt.get(k).forEach(x -> fixed.setCoefficient(x, 1));
				continue;
			}
			// 2 g <= mentors <= maxMentors g; minSize g <= members <= maxSize g + the
			// pinned groups' free seats
			var lower = constraint(solver, 0, Double.POSITIVE_INFINITY, null, groups[k], -Rules.MIN_MENTORS);
			var upper = constraint(solver, Double.NEGATIVE_INFINITY, 0, null, groups[k], -maxMentors);
			var small = constraint(solver, 0, Double.POSITIVE_INFINITY, null, groups[k], -minSize);
			var large = constraint(solver, Double.NEGATIVE_INFINITY, fixedSeats[k], null, groups[k], -maxSize);
			for (var y : mentorsAt.get(k)) {
				for (var c : List.of(lower, upper, small, large)) {
					c.setCoefficient(y, 1);
				}
			}
			for (var x : participantsAt.get(k)) {
				small.setCoefficient(x, 1);
				large.setCoefficient(x, 1);
			}
		}
		solver.setHint(hinted.toArray(MPVariable[]::new), hints.stream().mapToDouble(Double::doubleValue).toArray());
		solver.setTimeLimit(Math.max(50, (deadlineNanos - System.nanoTime()) / 1_000_000));
		solver.setNumThreads(1);
		var status = solveStoppable(solver, stop);
		if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
			return Optional.empty();
		}
		var counts = new int[typeCount];
		for (int k = 0; k < typeCount; k++) {
			counts[k] = groups[k] == null ? 0 : (int) Math.round(groups[k].solutionValue());
		}
		var flows = emptyFlows();
		for (int d = 0; d < mentorClassTypes.length; d++) {
			for (int t = 0; t < flows[d].length; t++) {
				flows[d][t] = mentorFlows[d][t] == null ? 0 : (int) Math.round(mentorFlows[d][t].solutionValue());
			}
		}
		int value = (int) Math.floor(objective.value() + 1e-6);
		double bound = status == MPSolver.ResultStatus.OPTIMAL ? value : objective.bestBound();
		int most = Double.isFinite(bound) ? Math.min(upperLimit, Math.max(value, (int) Math.floor(bound + 1e-6)))
				: upperLimit;
		return Optional.of(new Plan(counts, flows, value, most));
	}

	/**
	 * How many people of each class meet in each type at the start, keyed by class and
	 * type.
	 */
	private static Map<Long, Integer> started(int[] typeOfPerson, int[] classOf) {
		var started = new HashMap<Long, Integer>();
		for (int i = 0; i < typeOfPerson.length; i++) {
			if (classOf[i] >= 0 && typeOfPerson[i] >= 0) {
				started.merge(key(classOf[i], typeOfPerson[i]), 1, Integer::sum);
			}
		}
		return started;
	}

	private static long key(int c, int k) {
		return (long) c << 32 | k;
	}

	/** A constraint lb <= x + perGroup * groups <= ub, x left out when null. */
	private static MPConstraint constraint(MPSolver solver, double lb, double ub, MPVariable x, MPVariable groups,
			double perGroup) {
		var constraint = solver.makeConstraint(lb, ub);
		if (x != null) {
			constraint.setCoefficient(x, 1);
		}
		constraint.setCoefficient(groups, perGroup);
		return constraint;
	}

	/**
	 * Solves, and stops the search early when {@code stop} says so (checked every 100
	 * ms).
	 */
	private static MPSolver.ResultStatus solveStoppable(MPSolver solver, BooleanSupplier stop) {
		var watcher = Thread.ofVirtual().unstarted(() -> {
			try {
				while (!stop.getAsBoolean()) {
					TimeUnit.MILLISECONDS.sleep(100);
				}
				solver.interruptSolve();
			}
			catch (InterruptedException done) {
				// The search ended by itself.
			}
		});
		watcher.start();
		try {
			return solver.solve();
		}
		finally {
			watcher.interrupt();
			try {
				watcher.join();
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private int[][] emptyFlows() {
		var flows = new int[mentorClassTypes.length][];
		for (int d = 0; d < flows.length; d++) {
			flows[d] = new int[mentorClassTypes[d].length];
		}
		return flows;
	}

	private static List<List<MPVariable>> lists(int n) {
		var lists = new ArrayList<List<MPVariable>>(n);
		for (int i = 0; i < n; i++) {
			lists.add(new ArrayList<>());
		}
		return lists;
	}

	private static void count(int[][] classTypes, int[] sizes, int[] perType) {
		for (int c = 0; c < classTypes.length; c++) {
			for (int k : classTypes[c]) {
				perType[k] += sizes[c];
			}
		}
	}

	/**
	 * OR-Tools' native library, loaded once per JVM (it ships inside the Maven artifact).
	 */
	static final class OrTools {

		private static volatile boolean loaded;

		private OrTools() {
		}

		static void load() {
			if (!loaded) {
				synchronized (OrTools.class) {
					if (!loaded) {
						Loader.loadNativeLibraries();
						loaded = true;
					}
				}
			}
		}

	}

}
