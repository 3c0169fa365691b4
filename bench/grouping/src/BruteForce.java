import app.kindred.core.Language;
import app.kindred.grouping.internal.FormationProblem;
import app.kindred.grouping.internal.FormationProblem.Person;
import app.kindred.grouping.internal.FormationResult;
import app.kindred.grouping.internal.Mode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The exact optimum of a small programme (up to about 8 mentors and 25 participants) by exhaustive search, sharing
 * nothing with {@link PlacementBound} or the solver, so that each checks the other.
 *
 * <p>
 * Every grouping is a set of groups, each with 2..maxMentors mentors and one type (slot x language x mode) that all its
 * mentors can attend, plus participants. The search enumerates every such set of mentor groups: mentors taken in
 * order, the first one not yet decided either stays out or leads a group with one (or two) later ones, at each type
 * they share. For a fixed set of groups the most participants it can hold is a bipartite b-matching (participant to
 * compatible group, group i holding between minSize - m_i and maxSize - m_i participants), found with augmenting paths
 * in two phases: first with every group's capacity at its lower bound, which must fill every group exactly (else the
 * set is infeasible and skipped - leaving a group out is another set the search visits anyway); then with the
 * capacities raised to the upper bounds. Augmenting paths end at a group with room and only move participants between groups on
 * the way, so no group's count ever drops and the lower bounds stay met; and augmenting until no path remains gives a
 * maximum. The values of group sets with the same multiset of (type, mentor count) are equal, so they are memoised.
 * Pinned groups are not supported (the small programmes have none).
 */
final class BruteForce {

	record Result(int optimum, List<FormationResult.Group> groups, long groupSets, long flows, double seconds) {
	}

	private final FormationProblem problem;
	private final List<Person> mentors = new ArrayList<>();
	private final List<Person> participants = new ArrayList<>();
	private final List<String> typeSlot = new ArrayList<>();
	private final List<Language> typeLanguage = new ArrayList<>();
	private final List<Mode> typeMode = new ArrayList<>();
	private long[] mentorTypes;
	private long[] participantTypes;
	private int[] participantsOfType;
	private final Map<String, Integer> memo = new HashMap<>();
	private int best = -1;
	private int reachable;
	private int[] bestTypes;
	private int[][] bestMentors;
	private long groupSets;
	private long flows;

	private BruteForce(FormationProblem problem) {
		this.problem = problem;
	}

	static Result solve(FormationProblem problem) {
		if (!problem.pinnedGroups().isEmpty()) {
			throw new IllegalArgumentException("brute force: pinned groups are not supported");
		}
		long started = System.nanoTime();
		var search = new BruteForce(problem);
		search.run();
		return new Result(search.best, search.witness(), search.groupSets, search.flows,
				(System.nanoTime() - started) / 1e9);
	}

	private void run() {
		var modes = new ArrayList<Mode>();
		modes.add(Mode.REMOTE);
		problem.campuses().forEach(c -> modes.add(Mode.onCampus(c)));
		for (var slot : problem.slots()) {
			for (var language : Language.values()) {
				for (var mode : modes) {
					typeSlot.add(slot);
					typeLanguage.add(language);
					typeMode.add(mode);
				}
			}
		}
		if (typeSlot.size() > 64) {
			throw new IllegalArgumentException("brute force: at most 64 group types");
		}
		for (var person : problem.people()) {
			(person.isMentor() ? mentors : participants).add(person);
		}
		if (mentors.size() > 12 || participants.size() > 40) {
			throw new IllegalArgumentException("brute force: instance too large");
		}
		mentorTypes = mentors.stream().mapToLong(this::typesOf).toArray();
		participantTypes = participants.stream().mapToLong(this::typesOf).toArray();
		participantsOfType = new int[typeSlot.size()];
		for (long types : participantTypes) {
			for (int t = 0; t < typeSlot.size(); t++) {
				if ((types >>> t & 1) != 0) {
					participantsOfType[t]++;
				}
			}
			if (types != 0) {
				reachable++;
			}
		}
		best = 0;
		bestTypes = new int[0];
		bestMentors = new int[0][];
		search(0, new ArrayList<>(), new ArrayList<>());
	}

	private long typesOf(Person person) {
		long types = 0;
		for (int t = 0; t < typeSlot.size(); t++) {
			if (person.availability().containsKey(typeSlot.get(t)) && person.languages().contains(typeLanguage.get(t))
					&& person.canReach(typeMode.get(t))) {
				types |= 1L << t;
			}
		}
		return types;
	}

	/** Decides mentor {@code used}'s lowest free one onwards; {@code used} is a bit set of mentors decided. */
	private void search(long used, List<Integer> types, List<int[]> groupMentors) {
		if (best == reachable) {
			return;
		}
		int first = Long.numberOfTrailingZeros(~used);
		if (first >= mentors.size()) {
			evaluate(types, groupMentors);
			return;
		}
		long withFirst = used | 1L << first;
		// The first free mentor stays out of every group ...
		search(withFirst, types, groupMentors);
		// ... or leads one with one or two later free mentors, at each type they all can attend.
		for (int j = first + 1; j < mentors.size(); j++) {
			if ((withFirst >>> j & 1) != 0) {
				continue;
			}
			long pairTypes = mentorTypes[first] & mentorTypes[j];
			open(withFirst | 1L << j, pairTypes, new int[] { first, j }, types, groupMentors);
			if (problem.maxMentorsPerGroup() >= 3) {
				for (int k = j + 1; k < mentors.size(); k++) {
					if ((withFirst >>> k & 1) == 0) {
						open(withFirst | 1L << j | 1L << k, pairTypes & mentorTypes[k], new int[] { first, j, k },
								types, groupMentors);
					}
				}
			}
		}
	}

	private void open(long used, long shared, int[] members, List<Integer> types, List<int[]> groupMentors) {
		int lower = Math.max(0, problem.minSize() - members.length);
		if (members.length > problem.maxSize()) {
			return;
		}
		for (int t = 0; t < typeSlot.size(); t++) {
			if ((shared >>> t & 1) == 0 || participantsOfType[t] < lower) {
				continue;
			}
			types.add(t);
			groupMentors.add(members);
			search(used, types, groupMentors);
			types.remove(types.size() - 1);
			groupMentors.remove(groupMentors.size() - 1);
		}
	}

	private void evaluate(List<Integer> types, List<int[]> groupMentors) {
		groupSets++;
		var key = new String[types.size()];
		for (int i = 0; i < key.length; i++) {
			key[i] = types.get(i) + "/" + groupMentors.get(i).length;
		}
		Arrays.sort(key);
		var value = memo.computeIfAbsent(String.join(",", key), k -> flow(types, groupMentors, null));
		if (value > best) {
			best = value;
			bestTypes = types.stream().mapToInt(Integer::intValue).toArray();
			bestMentors = groupMentors.toArray(new int[0][]);
		}
	}

	/**
	 * The most participants the groups hold with every group within its size limits, or -1 when some group cannot
	 * reach its minimum. Fills {@code assignment} (participant to group or -1) when given.
	 */
	private int flow(List<Integer> types, List<int[]> groupMentors, int[] assignment) {
		flows++;
		int groups = types.size();
		var lower = new int[groups];
		var upper = new int[groups];
		for (int g = 0; g < groups; g++) {
			int m = groupMentors.get(g).length;
			lower[g] = Math.max(0, problem.minSize() - m);
			upper[g] = problem.maxSize() - m;
		}
		var group = assignment == null ? new int[participants.size()] : assignment;
		Arrays.fill(group, -1);
		var count = new int[groups];
		augmentAll(types, group, count, lower);
		for (int g = 0; g < groups; g++) {
			if (count[g] < lower[g]) {
				return -1;
			}
		}
		return augmentAll(types, group, count, upper);
	}

	private int augmentAll(List<Integer> types, int[] group, int[] count, int[] capacity) {
		boolean grew = true;
		while (grew) {
			grew = false;
			for (int p = 0; p < participants.size(); p++) {
				if (group[p] < 0 && augment(p, types, group, count, capacity, new boolean[types.size()])) {
					grew = true;
				}
			}
		}
		int placed = 0;
		for (int c : count) {
			placed += c;
		}
		return placed;
	}

	/** Places p, moving others along a path of groups if need be; false when no path ends at a group with room. */
	private boolean augment(int p, List<Integer> types, int[] group, int[] count, int[] capacity, boolean[] seen) {
		for (int g = 0; g < types.size(); g++) {
			if (seen[g] || (participantTypes[p] >>> types.get(g) & 1) == 0) {
				continue;
			}
			seen[g] = true;
			if (count[g] < capacity[g]) {
				place(p, g, group, count);
				return true;
			}
			for (int q = 0; q < participants.size(); q++) {
				if (group[q] == g) {
					group[q] = -1;
					count[g]--;
					if (augment(q, types, group, count, capacity, seen)) {
						place(p, g, group, count);
						return true;
					}
					group[q] = g;
					count[g]++;
				}
			}
		}
		return false;
	}

	private static void place(int p, int g, int[] group, int[] count) {
		int old = group[p];
		if (old >= 0) {
			count[old]--;
		}
		group[p] = g;
		count[g]++;
	}

	private List<FormationResult.Group> witness() {
		var types = Arrays.stream(bestTypes).boxed().toList();
		var groupMentors = List.of(bestMentors);
		var assignment = new int[participants.size()];
		if (types.isEmpty()) {
			return List.of();
		}
		int placed = flow(types, groupMentors, assignment);
		if (placed != best) {
			throw new IllegalStateException("brute force: witness places " + placed + ", not " + best);
		}
		var result = new ArrayList<FormationResult.Group>();
		for (int g = 0; g < types.size(); g++) {
			var mentorIds = new ArrayList<UUID>();
			for (int m : groupMentors.get(g)) {
				mentorIds.add(mentors.get(m).id());
			}
			var participantIds = new ArrayList<UUID>();
			for (int p = 0; p < assignment.length; p++) {
				if (assignment[p] == g) {
					participantIds.add(participants.get(p).id());
				}
			}
			int t = types.get(g);
			result.add(new FormationResult.Group(UUID.randomUUID(), typeSlot.get(t), typeLanguage.get(t),
					typeMode.get(t), mentorIds, participantIds));
		}
		return result;
	}
}
