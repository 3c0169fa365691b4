import app.kindred.core.Language;
import app.kindred.grouping.FormationProblem;
import app.kindred.grouping.FormationProblem.Person;
import app.kindred.grouping.Mode;
import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The most participants any grouping can place under the hard rules, by a method independent of the solver: a MIP on
 * an aggregated model (OR-Tools, SCIP).
 *
 * <p>
 * A group type is slot x language x mode. People with the same set of compatible types form a class. Variables: g_k
 * groups of type k; x_ck / y_dk participants of class c / mentors of class d in type-k
 * groups. Constraints: a class sends at most its size; 2 g_k <= mentors_k <= maxMentors g_k; minSize g_k <= mentors_k +
 * participants_k <= maxSize g_k. Maximise placed participants. Any g_k groups with those totals can be split into valid
 * groups, so the optimum of this model is the exact optimum, and SCIP's best bound an upper bound when time runs
 * out.
 */
final class PlacementBound {

	record Bound(long value, boolean optimal, double seconds) {
	}

	static Bound compute(FormationProblem problem, double timeLimitSeconds) {
		long started = System.nanoTime();
		Loader.loadNativeLibraries();
		var modes = new ArrayList<Mode>();
		modes.add(Mode.REMOTE);
		problem.campuses().forEach(c -> modes.add(Mode.onCampus(c)));
		var languages = Language.values();
		int typeCount = problem.slots().size() * languages.length * modes.size();
		Map<String, int[]> participantClasses = new HashMap<>();
		Map<String, int[]> mentorClasses = new HashMap<>();
		Map<String, int[]> classTypes = new HashMap<>();
		var participantsOfType = new int[typeCount];
		var mentorsOfType = new int[typeCount];
		for (var person : problem.people()) {
			var types = types(problem, person, languages, modes);
			if (types.length == 0) {
				continue;
			}
			var key = Arrays.toString(types);
			classTypes.putIfAbsent(key, types);
			var classes = person.isMentor() ? mentorClasses : participantClasses;
			classes.computeIfAbsent(key, k -> new int[1])[0]++;
			for (int k : types) {
				(person.isMentor() ? mentorsOfType : participantsOfType)[k]++;
			}
		}
		var solver = MPSolver.createSolver("SCIP");
		if (solver == null) {
			throw new IllegalStateException("OR-Tools has no SCIP here");
		}
		int minMentors = FormationProblem.MENTORS_PER_GROUP;
		int maxMentors = problem.maxMentorsPerGroup();
		int minParticipants = Math.max(0, problem.minSize() - maxMentors);
		int seats = problem.maxSize() - minMentors;
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
		for (var kind : List.of(participantClasses, mentorClasses)) {
			boolean mentors = kind == mentorClasses;
			for (var entry : kind.entrySet()) {
				int size = entry.getValue()[0];
				var sent = solver.makeConstraint(0, size);
				for (int k : classTypes.get(entry.getKey())) {
					if (groups[k] == null) {
						continue;
					}
					var flow = solver.makeNumVar(0, size, "");
					sent.setCoefficient(flow, 1);
					// Valid cut: a class sends no more to a type than its groups hold.
					var cut = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
					cut.setCoefficient(flow, 1);
					cut.setCoefficient(groups[k], mentors ? -maxMentors : -seats);
					(mentors ? mentorsAt : participantsAt).get(k).add(flow);
					if (!mentors) {
						objective.setCoefficient(flow, 1);
					}
				}
			}
		}
		for (int k = 0; k < typeCount; k++) {
			if (groups[k] == null) {
				continue;
			}
			// minMentors g <= mentors <= maxMentors g
			var lower = solver.makeConstraint(0, Double.POSITIVE_INFINITY);
			var upper = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
			lower.setCoefficient(groups[k], -minMentors);
			upper.setCoefficient(groups[k], -maxMentors);
			// minSize g <= mentors + participants <= maxSize g
			var small = solver.makeConstraint(0, Double.POSITIVE_INFINITY);
			var large = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
			small.setCoefficient(groups[k], -problem.minSize());
			large.setCoefficient(groups[k], -problem.maxSize());
			for (var y : mentorsAt.get(k)) {
				lower.setCoefficient(y, 1);
				upper.setCoefficient(y, 1);
				small.setCoefficient(y, 1);
				large.setCoefficient(y, 1);
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
		if (!optimal && status != MPSolver.ResultStatus.FEASIBLE) {
			throw new IllegalStateException("Bound not found: " + status);
		}
		double bound = optimal ? objective.value() : objective.bestBound();
		return new Bound((long) Math.floor(bound + 1e-6), optimal, seconds);
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
