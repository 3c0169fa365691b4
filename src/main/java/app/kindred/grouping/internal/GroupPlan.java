package app.kindred.grouping.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * How many groups of each type (slot x language x mode) to open so that the most
 * participants fit: a search over counts, each count scored exactly by two maximum flows
 * on people grouped by the types they can meet in.
 *
 * <p>
 * Mentors are the scarce resource, and which types their pairs go to is what a greedy
 * gets wrong: one group too many of a popular type can leave two mentors without a common
 * type, and a whole group is lost. Given the counts g_k, a flow from mentor classes to
 * types with capacity 2 g_k says whether every group gets its two mentors, and a flow
 * from participant classes to types, first with capacity (minSize - 2) g_k (every group
 * its minimum) and then (maxSize - 2) g_k, how many participants fit. Late acceptance
 * search changes the counts one group at a time (open, close, or move a group to another
 * type), scoring a count that lacks mentors or minimum members with a penalty so the
 * search may pass through it, and keeps the best count that lacks nothing.
 */
final class GroupPlan {

	/** Penalty per participant a count lacks for every group's minimum. */
	private static final int MINIMUM_PENALTY = 2;

	/**
	 * Late acceptance's memory: short, since most counts score alike and long walks on
	 * that plateau find little.
	 */
	private static final int HISTORY = 25;

	/**
	 * Shares of the moves that open a group and that close one; the rest move a group to
	 * another type.
	 */
	private static final double OPEN = 0.3;

	private static final double CLOSE = 0.2;

	private final int typeCount;

	private final int seats;

	/**
	 * Penalty per mentor a count lacks: more than half a group's seats, so opening a
	 * group without them never pays.
	 */
	private final int mentorPenalty;

	private final int minParticipants;

	/** Participant seats in groups that stay as they are (pinned), per type. */
	private final int[] fixedSeats;

	/**
	 * Types where a group could meet at all: two mentors and the minimum of participants
	 * can come.
	 */
	private final int[] viable;

	private final MaxFlow mentorFlow;

	private final int mentorSink;

	private final int[] mentorTypeEdge;

	private final int[][] mentorClassEdges;

	private final MaxFlow participantFlow;

	private final int participantSink;

	private final int[] participantTypeEdge;

	private final int[][] participantClassEdges;

	private final int[][] mentorClassTypes;

	private final int[] mentorClassOf;

	private final int[][] participantClassTypes;

	private final int upperLimit;

	/** The counts the flows are for. */
	private final int[] counts;

	private int groupTotal;

	/** Outcome of a count: participants placed, and what it lacks. */
	record Score(int placed, int missingMentors, int missingMinimum) {

		boolean feasible() {
			return missingMentors == 0 && missingMinimum == 0;
		}
	}

	/** What late acceptance compares: participants placed less the penalties. */
	private int value(Score score) {
		return score.placed() - mentorPenalty * score.missingMentors() - MINIMUM_PENALTY * score.missingMinimum();
	}

	/**
	 * @param mentorTypes for each free mentor, the types they can meet in
	 * @param participantTypes for each free participant, the types they can meet in
	 */
	GroupPlan(int typeCount, Rules rules, int[][] mentorTypes, int[][] participantTypes, int[] fixedSeats) {
		this.typeCount = typeCount;
		this.seats = rules.participantSeats();
		this.mentorPenalty = seats / 2 + 1;
		this.minParticipants = Math.max(0, rules.minSize() - Rules.MIN_MENTORS);
		this.fixedSeats = fixedSeats;
		this.counts = new int[typeCount];
		this.mentorClassOf = new int[mentorTypes.length];
		var mentorClasses = TypeSet.classes(mentorTypes, mentorClassOf);
		var participantClasses = TypeSet.classes(participantTypes, new int[participantTypes.length]);
		var mentorsOfType = new int[typeCount];
		var participantsOfType = new int[typeCount];
		mentorClasses.forEach((types, size) -> count(types.types(), size, mentorsOfType));
		participantClasses.forEach((types, size) -> count(types.types(), size, participantsOfType));
		var viableTypes = new ArrayList<Integer>();
		for (int k = 0; k < typeCount; k++) {
			if (mentorsOfType[k] >= Rules.MIN_MENTORS && participantsOfType[k] >= Math.max(1, minParticipants)) {
				viableTypes.add(k);
			}
		}
		this.viable = viableTypes.stream().mapToInt(Integer::intValue).toArray();

		this.mentorClassTypes = mentorClasses.keySet().stream().map(TypeSet::types).toArray(int[][]::new);
		var mentorSizes = mentorClasses.values().stream().mapToInt(Integer::intValue).toArray();
		this.mentorFlow = new MaxFlow(2 + mentorSizes.length + typeCount, edgeCount(mentorClassTypes) + typeCount);
		this.mentorSink = 1;
		this.mentorClassEdges = new int[mentorSizes.length][];
		this.mentorTypeEdge = network(mentorFlow, mentorClassTypes, mentorSizes, mentorClassEdges);

		this.participantClassTypes = participantClasses.keySet().stream().map(t -> t.types()).toArray(int[][]::new);
		var participantSizes = participantClasses.values().stream().mapToInt(Integer::intValue).toArray();
		this.participantFlow = new MaxFlow(2 + participantSizes.length + typeCount,
				edgeCount(participantClassTypes) + typeCount);
		this.participantSink = 1;
		this.participantClassEdges = new int[participantSizes.length][];
		this.participantTypeEdge = network(participantFlow, participantClassTypes, participantSizes,
				participantClassEdges);

		int placeable = 0;
		for (int c = 0; c < participantSizes.length; c++) {
			for (int k : participantClassTypes[c]) {
				if (mentorsOfType[k] >= Rules.MIN_MENTORS || fixedSeats[k] > 0) {
					placeable += participantSizes[c];
					break;
				}
			}
		}
		int mentorCount = Arrays.stream(mentorSizes).sum();
		this.upperLimit = Math.min(placeable,
				mentorCount / Rules.MIN_MENTORS * seats + Arrays.stream(fixedSeats).sum());
	}

	private static void count(int[] types, int size, int[] perType) {
		for (int k : types) {
			perType[k] += size;
		}
	}

	private static int edgeCount(int[][] classTypes) {
		int edges = classTypes.length;
		for (var types : classTypes) {
			edges += types.length;
		}
		return edges;
	}

	/**
	 * Node 0 the source, 1 the sink, then the classes, then the types. Returns each
	 * type's edge to the sink.
	 */
	private int[] network(MaxFlow net, int[][] classTypes, int[] sizes, int[][] classEdges) {
		int firstType = 2 + sizes.length;
		for (int c = 0; c < sizes.length; c++) {
			net.addEdge(0, 2 + c, sizes[c]);
			classEdges[c] = new int[classTypes[c].length];
			for (int t = 0; t < classTypes[c].length; t++) {
				classEdges[c][t] = net.addEdge(2 + c, firstType + classTypes[c][t], sizes[c]);
			}
		}
		var typeEdges = new int[typeCount];
		for (int k = 0; k < typeCount; k++) {
			typeEdges[k] = net.addEdge(firstType + k, 1, 0);
		}
		return typeEdges;
	}

	/**
	 * The most participants any count could place, by counting alone; the search stops
	 * when it gets there.
	 */
	int upperLimit() {
		return upperLimit;
	}

	/**
	 * Scores counts from scratch, exactly: mentors first, then participants up to every
	 * group's minimum, then up to the maximum. Leaves the flows as they are for
	 * {@link #mentorAssignment}.
	 */
	Score score(int[] groups) {
		System.arraycopy(groups, 0, counts, 0, typeCount);
		int demand = 0;
		mentorFlow.clearFlow();
		for (int k = 0; k < typeCount; k++) {
			mentorFlow.setSinkCapacity(mentorTypeEdge[k], Rules.MIN_MENTORS * groups[k], 0);
			demand += Rules.MIN_MENTORS * groups[k];
		}
		int mentors = mentorFlow.augment(0, mentorSink);
		participantFlow.clearFlow();
		int minimum = 0;
		for (int k = 0; k < typeCount; k++) {
			participantFlow.setSinkCapacity(participantTypeEdge[k], minParticipants * groups[k], 0);
			minimum += minParticipants * groups[k];
		}
		int atMinimum = participantFlow.augment(0, participantSink);
		for (int k = 0; k < typeCount; k++) {
			participantFlow.setSinkCapacity(participantTypeEdge[k], seats * groups[k] + fixedSeats[k], 0);
		}
		int placed = atMinimum + participantFlow.augment(0, participantSink);
		groupTotal = Arrays.stream(groups).sum();
		return new Score(placed, demand - mentors, minimum - atMinimum);
	}

	/**
	 * Changes the current count of a type by {@code delta}, sending back flow that no
	 * longer fits.
	 */
	private void change(int type, int delta) {
		counts[type] += delta;
		groupTotal += delta;
		mentorFlow.setSinkCapacity(mentorTypeEdge[type], Rules.MIN_MENTORS * counts[type], 0);
		participantFlow.setSinkCapacity(participantTypeEdge[type], seats * counts[type] + fixedSeats[type], 0);
	}

	/**
	 * Completes both flows after changes and scores the current counts. Participants are
	 * not routed to minimums first here, so a count may be scored as lacking minimum
	 * members when another seating would have them: never the other way round, so a count
	 * scored as lacking nothing does lack nothing.
	 */
	private Score settle() {
		mentorFlow.augment(0, mentorSink);
		participantFlow.augment(0, participantSink);
		int missingMinimum = 0;
		for (int k : viable) {
			int need = minParticipants * counts[k] - participantFlow.flow(participantTypeEdge[k]);
			if (need > 0) {
				missingMinimum += need;
			}
		}
		return new Score(participantFlow.total(), Rules.MIN_MENTORS * groupTotal - mentorFlow.total(), missingMinimum);
	}

	/**
	 * How many mentors of the given class (index into the mentor classes) go to each
	 * type; after {@link #score}.
	 */
	int[][] mentorAssignment() {
		var result = new int[mentorClassTypes.length][];
		for (int c = 0; c < mentorClassTypes.length; c++) {
			result[c] = new int[mentorClassTypes[c].length];
			for (int t = 0; t < result[c].length; t++) {
				result[c][t] = mentorFlow.flow(mentorClassEdges[c][t]);
			}
		}
		return result;
	}

	/**
	 * Improves the counts from {@code start} until the deadline, the stop signal, or
	 * {@code patience} moves without a better count. Returns the best count that lacks
	 * nothing (the start itself if it is that and nothing beat it), or null when none was
	 * found.
	 */
	int[] improve(int[] start, long deadlineNanos, long patience, BooleanSupplier stop, long seed) {
		if (viable.length == 0) {
			return null;
		}
		var random = new Random(seed);
		score(start);
		var currentScore = settle();
		int[] best = currentScore.feasible() ? start.clone() : null;
		int bestPlaced = currentScore.feasible() ? currentScore.placed() : -1;
		var history = new int[HISTORY];
		Arrays.fill(history, value(currentScore));
		var open = new int[typeCount];
		long sinceBest = 0;
		for (long step = 0; bestPlaced < upperLimit && sinceBest < patience; step++, sinceBest++) {
			if ((step & 63) == 0 && (System.nanoTime() - deadlineNanos > 0 || stop.getAsBoolean())) {
				break;
			}
			int openCount = 0;
			for (int k : viable) {
				if (counts[k] > 0) {
					open[openCount++] = k;
				}
			}
			int from = -1;
			int to = -1;
			double kind = random.nextDouble();
			if (openCount == 0 || kind < OPEN) {
				to = viable[random.nextInt(viable.length)];
			}
			else if (kind < OPEN + CLOSE) {
				from = open[random.nextInt(openCount)];
			}
			else {
				from = open[random.nextInt(openCount)];
				to = viable[random.nextInt(viable.length)];
				if (to == from) {
					continue;
				}
			}
			mentorFlow.mark();
			participantFlow.mark();
			if (from >= 0) {
				change(from, -1);
			}
			if (to >= 0) {
				change(to, 1);
			}
			var candidate = settle();
			int slot = (int) (step % HISTORY);
			if (value(candidate) >= value(currentScore) || value(candidate) >= history[slot]) {
				mentorFlow.commit();
				participantFlow.commit();
				currentScore = candidate;
				if (candidate.feasible() && candidate.placed() > bestPlaced) {
					bestPlaced = candidate.placed();
					best = counts.clone();
					sinceBest = 0;
				}
			}
			else {
				mentorFlow.rollback();
				participantFlow.rollback();
				if (from >= 0) {
					counts[from]++;
				}
				if (to >= 0) {
					counts[to]--;
				}
				groupTotal += (from >= 0 ? 1 : 0) - (to >= 0 ? 1 : 0);
			}
			history[slot] = value(currentScore);
		}
		if (best != null) {
			score(best);
		}
		return best;
	}

	/** Mentor classes' types, in the order {@link #mentorAssignment} uses. */
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

}
