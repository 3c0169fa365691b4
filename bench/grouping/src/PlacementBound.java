import app.kindred.core.Language;
import app.kindred.grouping.internal.FormationProblem;
import app.kindred.grouping.internal.FormationProblem.Person;
import app.kindred.grouping.internal.FormationResult;
import app.kindred.grouping.internal.Mode;
import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The most participants any grouping can place under the hard rules, by a method independent of the solver: an
 * integer model over group types (a MIP) solved by OR-Tools SCIP.
 *
 * <p>
 * A group type is slot x language x mode. People with the same set of compatible types form a class. Integer
 * variables: g_k groups of type k; x_ck / y_dk participants of class c / mentors of class d in type-k groups.
 * Constraints: a class sends at most its size; 2 g_k <= mentors_k <= maxMentors g_k; minSize g_k <= mentors_k +
 * participants_k <= maxSize g_k. Maximise placed participants.
 *
 * <p>
 * The model is exact, not a relaxation: every grouping gives a solution of it (count its groups and members per type),
 * and every solution of it gives a grouping with as many participants placed (hand each class's people out to the
 * types as the flows say, then split a type's mentors and participants into its g_k groups: two mentors each, extras
 * one by one up to the maximum; participants first up to the minimum size, then up to the maximum, which the two size
 * constraints of the type make possible). So when SCIP proves its solution optimal, that value is the exact optimum;
 * {@link #compute} then builds that grouping and returns it, for the caller to check against the hard rules
 * independently. When time runs out first, SCIP's best bound is a proven upper bound (and not exact).
 */
final class PlacementBound {

	/**
	 * @param value the optimum, or a proven upper bound when not optimal
	 * @param optimal whether {@code value} is proven to be the optimum
	 * @param witness a grouping placing {@code value} participants when optimal (else the best one found, or empty)
	 * @param witnessPlaced participants the witness places
	 */
	record Bound(long value, boolean optimal, double seconds, List<FormationResult.Group> witness,
			long witnessPlaced) {
	}

	static Bound compute(FormationProblem problem, double timeLimitSeconds) {
		long started = System.nanoTime();
		Loader.loadNativeLibraries();
		var modes = new ArrayList<Mode>();
		modes.add(Mode.REMOTE);
		problem.campuses().forEach(c -> modes.add(Mode.onCampus(c)));
		var languages = Language.values();
		int typeCount = problem.slots().size() * languages.length * modes.size();
		// Classes: people of one role with the same compatible types, in order of first appearance.
		Map<String, List<Person>> participantClasses = new LinkedHashMap<>();
		Map<String, List<Person>> mentorClasses = new LinkedHashMap<>();
		Map<String, int[]> classTypes = new LinkedHashMap<>();
		var participantsOfType = new int[typeCount];
		var mentorsOfType = new int[typeCount];
		for (var person : problem.people()) {
			var types = types(problem, person, languages, modes);
			if (types.length == 0) {
				continue;
			}
			var key = Arrays.toString(types);
			classTypes.putIfAbsent(key, types);
			(person.isMentor() ? mentorClasses : participantClasses).computeIfAbsent(key, k -> new ArrayList<>())
					.add(person);
			for (int k : types) {
				(person.isMentor() ? mentorsOfType : participantsOfType)[k]++;
			}
		}
		int minMentors = FormationProblem.MENTORS_PER_GROUP;
		int maxMentors = problem.maxMentorsPerGroup();
		int minParticipants = Math.max(0, problem.minSize() - maxMentors);
		int seats = problem.maxSize() - minMentors;
		long mentorCount = mentorClasses.values().stream().mapToLong(List::size).sum();

		var solver = MPSolver.createSolver("SCIP");
		if (solver == null) {
			throw new IllegalStateException("OR-Tools has no SCIP here");
		}
		var groups = new MPVariable[typeCount];
		var mentorsAt = new ArrayList<List<MPVariable>>();
		var participantsAt = new ArrayList<List<MPVariable>>();
		for (int k = 0; k < typeCount; k++) {
			mentorsAt.add(new ArrayList<>());
			participantsAt.add(new ArrayList<>());
			int most = mentorsOfType[k] / minMentors;
			if (minParticipants > 0) {
				most = Math.min(most, participantsOfType[k] / minParticipants);
			}
			if (most > 0) {
				groups[k] = solver.makeIntVar(0, most, "g" + k);
			}
		}
		var objective = solver.objective();
		objective.setMaximization();
		// Redundant cuts that settle small instances at once: all groups together take at least two mentors each,
		// and have at most maxSize - 2 seats each for participants.
		var allGroups = solver.makeConstraint(0, mentorCount / minMentors);
		var seatsOfAll = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
		for (var group : groups) {
			if (group != null) {
				allGroups.setCoefficient(group, 1);
				seatsOfAll.setCoefficient(group, -seats);
			}
		}
		var flows = new LinkedHashMap<String, MPVariable[]>();
		for (var kind : List.of(participantClasses, mentorClasses)) {
			boolean mentors = kind == mentorClasses;
			for (var entry : kind.entrySet()) {
				int size = entry.getValue().size();
				var types = classTypes.get(entry.getKey());
				var sent = solver.makeConstraint(0, size);
				var vars = new MPVariable[types.length];
				for (int t = 0; t < types.length; t++) {
					int k = types[t];
					if (groups[k] == null) {
						continue;
					}
					vars[t] = solver.makeIntVar(0, size, "");
					sent.setCoefficient(vars[t], 1);
					// Redundant but tightening: a class sends no more to a type than its groups hold.
					var cut = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
					cut.setCoefficient(vars[t], 1);
					cut.setCoefficient(groups[k], mentors ? -maxMentors : -seats);
					(mentors ? mentorsAt : participantsAt).get(k).add(vars[t]);
					if (!mentors) {
						objective.setCoefficient(vars[t], 1);
						seatsOfAll.setCoefficient(vars[t], 1);
					}
				}
				flows.put((mentors ? "M" : "P") + entry.getKey(), vars);
			}
		}
		for (int k = 0; k < typeCount; k++) {
			if (groups[k] == null) {
				continue;
			}
			// minMentors g <= mentors <= maxMentors g; minSize g <= mentors + participants <= maxSize g
			var lower = constraint(solver, 0, Double.POSITIVE_INFINITY, groups[k], -minMentors);
			var upper = constraint(solver, Double.NEGATIVE_INFINITY, 0, groups[k], -maxMentors);
			var small = constraint(solver, 0, Double.POSITIVE_INFINITY, groups[k], -problem.minSize());
			var large = constraint(solver, Double.NEGATIVE_INFINITY, 0, groups[k], -problem.maxSize());
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
		solver.setTimeLimit((long) (timeLimitSeconds * 1000));
		solver.setNumThreads(1);
		var status = solver.solve();
		double seconds = (System.nanoTime() - started) / 1e9;
		boolean optimal = status == MPSolver.ResultStatus.OPTIMAL;
		// The bound that needs no search: every participant able to meet at all, at most maxSize - 2 per two mentors.
		long participants = participantClasses.values().stream().mapToLong(List::size).sum();
		long counted = Math.min(participants, mentorCount / minMentors * seats);
		if (!optimal && status != MPSolver.ResultStatus.FEASIBLE) {
			return new Bound(counted, false, seconds, List.of(), 0);
		}
		double best = optimal ? objective.value() : objective.bestBound();
		long bound = Double.isFinite(best) ? Math.min(counted, (long) Math.floor(best + 1e-6)) : counted;
		var witness = witness(problem, groups, flows, participantClasses, mentorClasses, classTypes, modes,
				languages);
		long witnessPlaced = witness.stream().mapToLong(g -> g.participants().size()).sum();
		return new Bound(bound, optimal, seconds, witness, witnessPlaced);
	}

	private static MPConstraint constraint(MPSolver solver, double lb, double ub, MPVariable groups, double perGroup) {
		var constraint = solver.makeConstraint(lb, ub);
		constraint.setCoefficient(groups, perGroup);
		return constraint;
	}

	/** The grouping a solution of the model stands for (see the class comment). */
	private static List<FormationResult.Group> witness(FormationProblem problem, MPVariable[] groups,
			Map<String, MPVariable[]> flows, Map<String, List<Person>> participantClasses,
			Map<String, List<Person>> mentorClasses, Map<String, int[]> classTypes, List<Mode> modes,
			Language[] languages) {
		int typeCount = groups.length;
		var mentorsOfType = new ArrayList<List<UUID>>();
		var participantsOfType = new ArrayList<List<UUID>>();
		for (int k = 0; k < typeCount; k++) {
			mentorsOfType.add(new ArrayList<>());
			participantsOfType.add(new ArrayList<>());
		}
		for (var kind : List.of(participantClasses, mentorClasses)) {
			boolean mentors = kind == mentorClasses;
			for (var entry : kind.entrySet()) {
				var vars = flows.get((mentors ? "M" : "P") + entry.getKey());
				var types = classTypes.get(entry.getKey());
				int next = 0;
				for (int t = 0; t < types.length; t++) {
					if (vars[t] == null) {
						continue;
					}
					long n = Math.round(vars[t].solutionValue());
					for (int i = 0; i < n; i++) {
						(mentors ? mentorsOfType : participantsOfType).get(types[t])
								.add(entry.getValue().get(next++).id());
					}
				}
			}
		}
		var result = new ArrayList<FormationResult.Group>();
		int maxMentors = problem.maxMentorsPerGroup();
		for (int k = 0; k < typeCount; k++) {
			int g = groups[k] == null ? 0 : (int) Math.round(groups[k].solutionValue());
			if (g == 0) {
				continue;
			}
			int modeIndex = k % modes.size();
			int language = k / modes.size() % languages.length;
			var slot = problem.slots().get(k / modes.size() / languages.length);
			var mentorLists = new ArrayList<List<UUID>>();
			var participantLists = new ArrayList<List<UUID>>();
			for (int i = 0; i < g; i++) {
				mentorLists.add(new ArrayList<>());
				participantLists.add(new ArrayList<>());
			}
			var mentorIds = mentorsOfType.get(k);
			var participantIds = participantsOfType.get(k);
			int m = 0;
			for (int round = 0; round < maxMentors; round++) {
				for (int i = 0; i < g && m < mentorIds.size(); i++) {
					mentorLists.get(i).add(mentorIds.get(m++));
				}
			}
			int p = 0;
			for (int limit : new int[] { problem.minSize(), problem.maxSize() }) {
				for (int i = 0; i < g; i++) {
					while (p < participantIds.size()
							&& mentorLists.get(i).size() + participantLists.get(i).size() < limit) {
						participantLists.get(i).add(participantIds.get(p++));
					}
				}
			}
			for (int i = 0; i < g; i++) {
				result.add(new FormationResult.Group(UUID.randomUUID(), slot, languages[language], modes.get(modeIndex),
						mentorLists.get(i), participantLists.get(i)));
			}
		}
		return result;
	}

	private static int[] types(FormationProblem problem, Person person, Language[] languages, List<Mode> modes) {
		var types = new ArrayList<Integer>();
		for (int s = 0; s < problem.slots().size(); s++) {
			if (!person.availability().containsKey(problem.slots().get(s))) {
				continue;
			}
			for (int l = 0; l < languages.length; l++) {
				if (!person.languages().contains(languages[l])) {
					continue;
				}
				for (int m = 0; m < modes.size(); m++) {
					if (person.canReach(modes.get(m))) {
						types.add((s * languages.length + l) * modes.size() + m);
					}
				}
			}
		}
		return types.stream().mapToInt(Integer::intValue).toArray();
	}
}
