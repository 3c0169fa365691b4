package app.kindred.grouping.internal;

import app.kindred.core.Language;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.HashMap;
import java.util.HashSet;

/**
 * A construction heuristic that gives local search a strong start, fast enough for 10,000
 * participants.
 *
 * <ol>
 * <li>Group types are slot x language x mode. Groups are opened one at a time in the type
 * that fills the most seats, preferring participants and mentors with the fewest other
 * options (most constrained first).</li>
 * <li>Participants are then re-seated by augmenting paths in sign-up order: for fixed
 * groups this places the largest possible number of participants, and of all such sets
 * the earliest sign-ups (greedy on a transversal matroid).</li>
 * <li>Opening and re-seating repeat while mentors and demand remain; groups below the
 * minimum size are dissolved.</li>
 * <li>How many groups of each type to open, and which mentors lead them: first a search
 * over counts ({@link GroupPlan}, late acceptance, fast on large programmes), then an
 * exact model ({@link PlacementModel}, solved by SCIP from the best counts so far) that
 * proves them best or finds better. Whenever counts place more participants than the
 * groups there are, the groups are built anew from them: mentors as the counts' flow
 * hands them to types, paired by mutual wish, then experienced with first-time;
 * participants seated by augmenting paths in sign-up order, first up to every group's
 * minimum, then up to the maximum.</li>
 * <li>Spare mentors become third mentors where allowed and there is room.</li>
 * </ol>
 */
public final class InitialAssignment {

	/** Moves without a better count after which the search over group counts ends. */
	private static final long PLAN_PATIENCE = 20_000;

	private final FormationSolution solution;

	private final Rules rules;

	private final Supplier<UUID> ids;

	private final List<PersonEntity> people;

	private final int slotCount;

	private final int languageCount;

	private final int modeCount;

	private final int typeCount;

	/** Compatible types of each person. */
	private final int[][] typesOf;

	/** Participants / mentors compatible with each type, most constrained first. */
	private final int[][] participantsOfType;

	private final int[][] mentorsOfType;

	private final int[] freeParticipants;

	private final int[] freeMentors;

	private final boolean[] taken;

	private final List<List<GroupEntity>> groupsOfType;

	private final List<GroupEntity> groups;

	private int nextIndex;

	private final long deadlineNanos;

	private final BooleanSupplier stop;

	private InitialAssignment(FormationSolution solution, Rules rules, Supplier<UUID> ids, long deadlineNanos,
			BooleanSupplier stop) {
		this.solution = solution;
		this.rules = rules;
		this.ids = ids;
		this.deadlineNanos = deadlineNanos;
		this.stop = stop;
		this.people = solution.getPeople();
		this.slotCount = solution.getSlots().size();
		this.languageCount = solution.getLanguages().size();
		this.modeCount = solution.getModes().size();
		this.typeCount = slotCount * languageCount * modeCount;
		this.typesOf = new int[people.size()][];
		for (var person : people) {
			typesOf[person.getIndex()] = compatibleTypes(person);
		}
		this.groups = solution.getGroups();
		this.nextIndex = groups.stream().mapToInt(GroupEntity::getIndex).max().orElse(-1) + 1;
		this.groupsOfType = new ArrayList<>(typeCount);
		for (int k = 0; k < typeCount; k++) {
			groupsOfType.add(new ArrayList<>());
		}
		for (var group : groups) {
			groupsOfType.get(typeOf(group)).add(group);
		}
		this.taken = new boolean[people.size()];
		for (var person : people) {
			taken[person.getIndex()] = person.getGroup() != null;
		}
		// Flexibility: in how many types a person could meet, counting only types with
		// two mentors at all.
		var mentorsPerType = new int[typeCount];
		for (var person : people) {
			if (person.isMentor()) {
				for (int k : typesOf[person.getIndex()]) {
					mentorsPerType[k]++;
				}
			}
		}
		var flexibility = new int[people.size()];
		for (var person : people) {
			for (int k : typesOf[person.getIndex()]) {
				if (mentorsPerType[k] >= Rules.MIN_MENTORS) {
					flexibility[person.getIndex()]++;
				}
			}
		}
		Comparator<PersonEntity> constrainedFirst = Comparator
			.comparingInt((PersonEntity p) -> flexibility[p.getIndex()])
			.thenComparing(Comparator.comparingInt(PersonEntity::getEarliness).reversed())
			.thenComparingInt(PersonEntity::getIndex);
		var sorted = people.stream().sorted(constrainedFirst).toList();
		var participantLists = new int[typeCount][];
		var mentorLists = new int[typeCount][];
		var participantCounts = new int[typeCount];
		var mentorCounts = new int[typeCount];
		for (var person : people) {
			for (int k : typesOf[person.getIndex()]) {
				if (person.isMentor()) {
					mentorCounts[k]++;
				}
				else {
					participantCounts[k]++;
				}
			}
		}
		for (int k = 0; k < typeCount; k++) {
			participantLists[k] = new int[participantCounts[k]];
			mentorLists[k] = new int[mentorCounts[k]];
		}
		var participantFill = new int[typeCount];
		var mentorFill = new int[typeCount];
		for (var person : sorted) {
			for (int k : typesOf[person.getIndex()]) {
				if (person.isMentor()) {
					mentorLists[k][mentorFill[k]++] = person.getIndex();
				}
				else {
					participantLists[k][participantFill[k]++] = person.getIndex();
				}
			}
		}
		this.participantsOfType = participantLists;
		this.mentorsOfType = mentorLists;
		this.freeParticipants = new int[typeCount];
		this.freeMentors = new int[typeCount];
		for (var person : people) {
			if (!taken[person.getIndex()]) {
				for (int k : typesOf[person.getIndex()]) {
					if (person.isMentor()) {
						freeMentors[k]++;
					}
					else {
						freeParticipants[k]++;
					}
				}
			}
		}
	}

	/**
	 * Adds groups to the solution and assigns people; pinned people and groups stay as
	 * they are. The search over group counts ends within {@code budget}, when
	 * {@code stop} says so, or when it stops finding better counts.
	 */
	public static Limit apply(FormationSolution solution, Rules rules, Supplier<UUID> ids, Duration budget,
			BooleanSupplier stop) {
		return new InitialAssignment(solution, rules, ids, System.nanoTime() + budget.toNanos(), stop).run();
	}

	/**
	 * The most participants any grouping that keeps the pinned groups can place, and
	 * whether that is proven (else it is an upper bound).
	 */
	public record Limit(int most, boolean proven) {
	}

	private Limit run() {
		completePinnedGroupsMentors();
		for (int round = 0; round < 4; round++) {
			int opened = openGroups();
			reseatParticipants(round == 0, false);
			dissolveGroupsBelowMinimum();
			if (opened == 0) {
				break;
			}
		}
		var limit = planGroupCounts();
		addThirdMentors();
		groups.removeIf(group -> !group.isUsed() && !group.isPinned());
		return limit;
	}

	private int[] compatibleTypes(PersonEntity person) {
		var types = new int[Long.bitCount(person.getSlotMask()) * Integer.bitCount(person.getLanguageMask())
				* Long.bitCount(person.getModeMask())];
		int n = 0;
		for (int s = 0; s < slotCount; s++) {
			if ((person.getSlotMask() >>> s & 1L) == 0) {
				continue;
			}
			for (int l = 0; l < languageCount; l++) {
				if ((person.getLanguageMask() >>> l & 1) == 0) {
					continue;
				}
				for (int m = 0; m < modeCount; m++) {
					if ((person.getModeMask() >>> m & 1L) != 0) {
						types[n++] = (s * languageCount + l) * modeCount + m;
					}
				}
			}
		}
		return n == types.length ? types : Arrays.copyOf(types, n);
	}

	private int typeOf(GroupEntity group) {
		return (group.getSlot().index() * languageCount + group.getLanguage().ordinal()) * modeCount
				+ group.getMode().index();
	}

	private void take(PersonEntity person, GroupEntity group) {
		int i = person.getIndex();
		if (!taken[i]) {
			taken[i] = true;
			for (int k : typesOf[i]) {
				if (person.isMentor()) {
					freeMentors[k]--;
				}
				else {
					freeParticipants[k]--;
				}
			}
		}
		move(person, group);
	}

	private void release(PersonEntity person) {
		int i = person.getIndex();
		if (taken[i]) {
			taken[i] = false;
			for (int k : typesOf[i]) {
				if (person.isMentor()) {
					freeMentors[k]++;
				}
				else {
					freeParticipants[k]++;
				}
			}
		}
		move(person, null);
	}

	private static void move(PersonEntity person, GroupEntity group) {
		if (person.getGroup() != null) {
			person.getGroup().getMembers().remove(person);
		}
		person.setGroup(group);
		if (group != null) {
			group.getMembers().add(person);
		}
	}

	private void completePinnedGroupsMentors() {
		for (var group : List.copyOf(groups)) {
			int missing = Rules.MIN_MENTORS - group.mentorCount();
			for (int i : mentorsOfType[typeOf(group)]) {
				if (missing <= 0) {
					break;
				}
				if (!taken[i]) {
					take(people.get(i), group);
					missing--;
				}
			}
		}
	}

	/**
	 * Opens groups greedily while two free mentors and enough free participants share a
	 * type.
	 */
	private int openGroups() {
		int seats = rules.participantSeats();
		int minParticipants = Math.max(1, rules.minSize() - Rules.MIN_MENTORS);
		int opened = 0;
		var chosen = new int[seats];
		while (true) {
			int best = -1;
			int bestFill = 0;
			double bestValue = 0;
			for (int k = 0; k < typeCount; k++) {
				if (freeMentors[k] < Rules.MIN_MENTORS) {
					continue;
				}
				int fill = Math.min(seats, freeParticipants[k]);
				if (fill < minParticipants || fill < bestFill) {
					continue;
				}
				double value = scarcity(k, seats);
				if (fill > bestFill || value > bestValue) {
					best = k;
					bestFill = fill;
					bestValue = value;
				}
			}
			if (best < 0) {
				return opened;
			}
			var group = newGroup(best);
			var first = firstFreeMentor(best, -1);
			take(people.get(first), group);
			take(people.get(partnerFor(people.get(first), best)), group);
			int n = 0;
			for (int i : participantsOfType[best]) {
				if (n == seats) {
					break;
				}
				if (!taken[i]) {
					chosen[n++] = i;
				}
			}
			for (int j = 0; j < n; j++) {
				take(people.get(chosen[j]), group);
			}
			opened++;
		}
	}

	/**
	 * How much the most constrained free participants of a type need a group there: the
	 * sum of 1 / their options.
	 */
	private double scarcity(int type, int seats) {
		double value = 0;
		int n = 0;
		for (int i : participantsOfType[type]) {
			if (n == seats) {
				break;
			}
			if (!taken[i]) {
				value += 1.0 / typesOf[i].length;
				n++;
			}
		}
		int mentors = 0;
		for (int i : mentorsOfType[type]) {
			if (mentors == Rules.MIN_MENTORS) {
				break;
			}
			if (!taken[i]) {
				// A mentor with few options costs little elsewhere; one with many is
				// worth saving.
				value += 0.5 / typesOf[i].length;
				mentors++;
			}
		}
		return value;
	}

	private int firstFreeMentor(int type, int except) {
		for (int i : mentorsOfType[type]) {
			if (!taken[i] && i != except) {
				return i;
			}
		}
		throw new IllegalStateException("no free mentor of type " + type);
	}

	/**
	 * The wished co-mentor if free and able; else the most constrained mentor who brings
	 * experience if one lacks it.
	 */
	private int partnerFor(PersonEntity first, int type) {
		int wish = first.getMutualWish();
		if (wish >= 0 && !taken[wish] && contains(typesOf[wish], type)) {
			return wish;
		}
		int fallback = -1;
		int looked = 0;
		for (int i : mentorsOfType[type]) {
			if (taken[i] || i == first.getIndex()) {
				continue;
			}
			if (fallback < 0) {
				fallback = i;
				if (first.isExperienced() || people.get(i).isExperienced()) {
					return i;
				}
			}
			else if (people.get(i).isExperienced()) {
				return i;
			}
			if (++looked > 20) {
				break;
			}
		}
		return fallback;
	}

	private static boolean contains(int[] values, int value) {
		for (int v : values) {
			if (v == value) {
				return true;
			}
		}
		return false;
	}

	private GroupEntity newGroup(int type) {
		int mode = type % modeCount;
		int language = type / modeCount % languageCount;
		int slot = type / modeCount / languageCount;
		var group = new GroupEntity(nextGroupIndex(), ids.get(), rules, solution.getSlots().get(slot),
				Language.values()[language], solution.getModes().get(mode));
		groups.add(group);
		groupsOfType.get(type).add(group);
		return group;
	}

	private int nextGroupIndex() {
		return nextIndex++;
	}

	/**
	 * Seats participants by augmenting paths, in sign-up order. With {@code fromScratch}
	 * every unpinned participant is unseated first, otherwise only the unseated ones are
	 * added. With {@code toMinimum} unpinned groups are filled up to the minimum size
	 * only: a seating that fills every group's minimum, if there is one (a later call
	 * without it then adds to it without emptying any seat). A group from which no path
	 * to a free seat was found stays closed to later searches: nobody can leave it, so no
	 * later path passes through it.
	 */
	private void reseatParticipants(boolean fromScratch, boolean toMinimum) {
		if (fromScratch) {
			for (var person : people) {
				if (person.isParticipant() && !person.isPinned() && person.getGroup() != null) {
					release(person);
				}
			}
		}
		// Groups of one type are alike to a participant, so paths run between types: the
		// types that have groups.
		var active = new int[typeCount];
		Arrays.fill(active, -1);
		var typeOfActive = new ArrayList<Integer>();
		for (int k = 0; k < typeCount; k++) {
			if (!groupsOfType.get(k).isEmpty()) {
				active[k] = typeOfActive.size();
				typeOfActive.add(k);
			}
		}
		int n = typeOfActive.size();
		if (n == 0) {
			return;
		}
		// movable[a][b]: participants seated in type a who could move to type b; free[a]:
		// groups of a with a seat.
		var movable = new int[n][n];
		var free = new int[n];
		for (int a = 0; a < n; a++) {
			for (var group : groupsOfType.get(typeOfActive.get(a))) {
				if (hasParticipantSeat(group, toMinimum)) {
					free[a]++;
				}
				for (var member : group.getMembers()) {
					if (member.isParticipant() && !member.isPinned()) {
						countMovable(movable, active, a, member, 1);
					}
				}
			}
		}
		var dead = new boolean[n];
		var visited = new int[n];
		var parent = new int[n];
		var queue = new int[n];
		int stamp = 0;
		var order = people.stream()
			.filter(p -> p.isParticipant() && p.getGroup() == null && typesOf[p.getIndex()].length > 0)
			.sorted(Comparator.comparingInt(PersonEntity::getEarliness)
				.reversed()
				.thenComparingInt(PersonEntity::getIndex))
			.toList();
		for (var person : order) {
			stamp++;
			int read = 0;
			int write = 0;
			for (int k : typesOf[person.getIndex()]) {
				int a = active[k];
				if (a >= 0 && !dead[a] && visited[a] != stamp) {
					visited[a] = stamp;
					parent[a] = -1;
					queue[write++] = a;
				}
			}
			int found = -1;
			while (read < write) {
				int a = queue[read++];
				if (free[a] > 0) {
					found = a;
					break;
				}
				var row = movable[a];
				for (int b = 0; b < n; b++) {
					if (row[b] > 0 && !dead[b] && visited[b] != stamp) {
						visited[b] = stamp;
						parent[b] = a;
						queue[write++] = b;
					}
				}
			}
			if (found < 0) {
				for (int i = 0; i < write; i++) {
					dead[queue[i]] = true;
				}
				continue;
			}
			// Along the path from the person's type to the free seat, one participant
			// moves on at each step; the
			// moves are made from the free seat backwards, so no group is ever over its
			// size.
			var seat = seatIn(typeOfActive.get(found), toMinimum);
			var target = seat;
			for (int b = found; parent[b] >= 0; b = parent[b]) {
				int a = parent[b];
				var mover = movableMember(typeOfActive.get(a), typeOfActive.get(b));
				var left = mover.getGroup();
				countMovable(movable, active, a, mover, -1);
				take(mover, target);
				countMovable(movable, active, b, mover, 1);
				target = left;
			}
			take(person, target);
			countMovable(movable, active, active[typeOf(target)], person, 1);
			if (!hasParticipantSeat(seat, toMinimum)) {
				free[found]--;
			}
		}
	}

	private void countMovable(int[][] movable, int[] active, int from, PersonEntity participant, int delta) {
		for (int k : typesOf[participant.getIndex()]) {
			int b = active[k];
			if (b >= 0) {
				movable[from][b] += delta;
			}
		}
	}

	/** A group of the type with a free seat. */
	private GroupEntity seatIn(int type, boolean toMinimum) {
		for (var group : groupsOfType.get(type)) {
			if (hasParticipantSeat(group, toMinimum)) {
				return group;
			}
		}
		throw new IllegalStateException("no seat in type " + type);
	}

	/**
	 * An unpinned participant seated in a group of type {@code from} who could meet in
	 * type {@code to}.
	 */
	private PersonEntity movableMember(int from, int to) {
		for (var group : groupsOfType.get(from)) {
			for (var member : group.getMembers()) {
				if (member.isParticipant() && !member.isPinned() && contains(typesOf[member.getIndex()], to)) {
					return member;
				}
			}
		}
		throw new IllegalStateException("nobody in type " + from + " can move to type " + to);
	}

	/**
	 * A free seat up to the maximum size, or with {@code toMinimum} up to the minimum
	 * size of an unpinned group.
	 */
	private boolean hasParticipantSeat(GroupEntity group, boolean toMinimum) {
		if (toMinimum && group.isPinned()) {
			return false;
		}
		int size = toMinimum ? rules.minSize() : rules.maxSize();
		return group.getMembers().size() < size && group.mentorCount() >= Rules.MIN_MENTORS;
	}

	private void dissolveGroupsBelowMinimum() {
		for (var group : List.copyOf(groups)) {
			if (!group.isPinned() && group.getMembers().size() < rules.minSize()) {
				for (var member : List.copyOf(group.getMembers())) {
					release(member);
				}
				groups.remove(group);
				groupsOfType.get(typeOf(group)).remove(group);
			}
		}
	}

	/**
	 * Finds the group counts per type that place the most participants, by the search
	 * over counts ({@link GroupPlan}) and then the exact model ({@link PlacementModel}),
	 * and rebuilds the groups whenever counts place more than the groups there are.
	 * Returns what is known of the most that can be placed.
	 */
	private Limit planGroupCounts() {
		var freeMentors = new ArrayList<PersonEntity>();
		var freeParticipants = new ArrayList<PersonEntity>();
		int pinnedPlaced = 0;
		for (var person : people) {
			if (person.isPinned()) {
				if (person.isParticipant() && person.getGroup() != null) {
					pinnedPlaced++;
				}
				continue;
			}
			if (person.isParticipant()) {
				freeParticipants.add(person);
			}
			else if (person.getGroup() == null || !person.getGroup().isPinned()) {
				freeMentors.add(person);
			}
		}
		var fixedSeats = new int[typeCount];
		var counts = new int[typeCount];
		for (var group : groups) {
			if (!group.isPinned()) {
				counts[typeOf(group)]++;
			}
			else if (group.mentorCount() >= Rules.MIN_MENTORS) {
				int fixed = 0;
				for (var member : group.getMembers()) {
					if (member.isPinned() || member.isMentor()) {
						fixed++;
					}
				}
				fixedSeats[typeOf(group)] += Math.max(0, rules.maxSize() - fixed);
			}
		}
		var mentorTypes = freeMentors.stream().map(p -> typesOf[p.getIndex()]).toArray(int[][]::new);
		var participantTypes = freeParticipants.stream().map(p -> typesOf[p.getIndex()]).toArray(int[][]::new);
		var model = new PlacementModel(typeCount, rules, mentorTypes, participantTypes, fixedSeats);
		int placedNow = placed(freeParticipants);
		if (placedNow >= model.upperLimit()) {
			return new Limit(pinnedPlaced + placedNow, true);
		}
		if (stop.getAsBoolean() || System.nanoTime() - deadlineNanos >= 0) {
			return new Limit(pinnedPlaced + model.upperLimit(), false);
		}
		// First the search over counts, for up to half the time: on large programmes it
		// finds the best grouping in seconds, where SCIP's own heuristics start far below
		// it (297 where 992 were placeable). SCIP then starts from the best so far and
		// either proves it best or finds better.
		var search = new GroupPlan(typeCount, rules, mentorTypes, participantTypes, fixedSeats);
		long searchDeadline = System.nanoTime() + (deadlineNanos - System.nanoTime()) / 2;
		var best = search.improve(counts, searchDeadline, PLAN_PATIENCE, stop, 42L);
		if (best != null) {
			var score = search.score(best);
			if (score.feasible() && score.placed() > placedNow) {
				placedNow = rebuildIfMore(best, search.mentorAssignment(), search.mentorClassTypes(),
						search.mentorClassOf(), freeMentors, freeParticipants, placedNow);
			}
		}
		if (placedNow >= model.upperLimit() || stop.getAsBoolean() || System.nanoTime() - deadlineNanos >= 0) {
			return new Limit(pinnedPlaced + model.upperLimit(), placedNow >= model.upperLimit());
		}
		var now = new int[typeCount];
		for (var group : groups) {
			if (!group.isPinned()) {
				now[typeOf(group)]++;
			}
		}
		var start = new PlacementModel.Start(now,
				freeMentors.stream().mapToInt(p -> p.getGroup() == null ? -1 : typeOf(p.getGroup())).toArray(),
				freeParticipants.stream().mapToInt(p -> p.getGroup() == null ? -1 : typeOf(p.getGroup())).toArray());
		var solved = model.solve(start, deadlineNanos, stop);
		if (solved.isEmpty()) {
			return new Limit(pinnedPlaced + model.upperLimit(), false);
		}
		var plan = solved.get();
		int most = Math.max(plan.most(), placedNow);
		if (plan.placed() > placedNow) {
			placedNow = rebuildIfMore(plan.groups(), plan.mentors(), model.mentorClassTypes(), model.mentorClassOf(),
					freeMentors, freeParticipants, placedNow);
		}
		return new Limit(pinnedPlaced + most, placedNow >= most);
	}

	private static int placed(List<PersonEntity> participants) {
		int placed = 0;
		for (var person : participants) {
			if (person.getGroup() != null) {
				placed++;
			}
		}
		return placed;
	}

	/**
	 * Builds the groups anew from counts and a mentor flow; keeps them if they place more
	 * than {@code placedNow}, else goes back to the groups there were. Returns how many
	 * are placed then.
	 */
	private int rebuildIfMore(int[] counts, int[][] mentors, int[][] classTypes, int[] classOf,
			List<PersonEntity> freeMentors, List<PersonEntity> freeParticipants, int placedNow) {
		var keptGroups = List.copyOf(groups);
		var kept = new GroupEntity[people.size()];
		for (var person : people) {
			kept[person.getIndex()] = person.getGroup();
		}
		rebuild(counts, mentors, classTypes, classOf, freeMentors);
		int placed = placed(freeParticipants);
		if (placed <= placedNow) {
			restore(keptGroups, kept);
			return placedNow;
		}
		return placed;
	}

	/**
	 * Back to the groups and seats there were (should building from the plan ever seat
	 * fewer).
	 */
	private void restore(List<GroupEntity> keptGroups, GroupEntity[] kept) {
		for (var person : people) {
			if (person.getGroup() != kept[person.getIndex()]) {
				release(person);
			}
		}
		groups.clear();
		groups.addAll(keptGroups);
		groupsOfType.forEach(List::clear);
		for (var group : groups) {
			groupsOfType.get(typeOf(group)).add(group);
		}
		for (var person : people) {
			var group = kept[person.getIndex()];
			if (group != null && person.getGroup() != group) {
				take(person, group);
			}
		}
	}

	/**
	 * Groups built anew from the model's counts and mentor flow: each type's mentors in
	 * pairs (see {@link #pairs}), those left over one by one as third mentors, then the
	 * participants by augmenting paths, every group up to its minimum first.
	 */
	private void rebuild(int[] counts, int[][] mentors, int[][] classTypes, int[] classOf,
			List<PersonEntity> freeMentors) {
		for (var person : people) {
			if (person.isPinned() || person.getGroup() == null) {
				continue;
			}
			if (person.isParticipant() || !person.getGroup().isPinned()) {
				release(person);
			}
		}
		for (var group : List.copyOf(groups)) {
			if (!group.isPinned()) {
				groups.remove(group);
				groupsOfType.get(typeOf(group)).remove(group);
			}
		}
		var mentorsOfClass = new ArrayList<ArrayDeque<PersonEntity>>();
		for (int c = 0; c < classTypes.length; c++) {
			mentorsOfClass.add(new ArrayDeque<>());
		}
		for (int i = 0; i < freeMentors.size(); i++) {
			if (classOf[i] >= 0) {
				mentorsOfClass.get(classOf[i]).add(freeMentors.get(i));
			}
		}
		var mentorsOfType = new ArrayList<List<PersonEntity>>();
		for (int k = 0; k < typeCount; k++) {
			mentorsOfType.add(new ArrayList<>());
		}
		for (int c = 0; c < classTypes.length; c++) {
			for (int t = 0; t < classTypes[c].length; t++) {
				for (int n = 0; n < mentors[c][t]; n++) {
					mentorsOfType.get(classTypes[c][t]).add(mentorsOfClass.get(c).poll());
				}
			}
		}
		for (int k = 0; k < typeCount; k++) {
			int count = counts[k];
			if (count == 0) {
				continue;
			}
			var opened = new ArrayList<GroupEntity>(count);
			var paired = new HashSet<PersonEntity>();
			for (var pair : pairs(mentorsOfType.get(k))) {
				if (opened.size() == count) {
					break;
				}
				var group = newGroup(k);
				take(pair[0], group);
				take(pair[1], group);
				paired.add(pair[0]);
				paired.add(pair[1]);
				opened.add(group);
			}
			// The model gives a type 2 to maxMentors mentors per group; a third mentor
			// may be what brings a group to its minimum size.
			int next = 0;
			for (var mentor : mentorsOfType.get(k)) {
				if (!paired.contains(mentor) && !opened.isEmpty()) {
					take(mentor, opened.get(next++ % opened.size()));
				}
			}
		}
		reseatParticipants(false, true);
		reseatParticipants(false, false);
		dissolveGroupsBelowMinimum();
	}

	/**
	 * Mentors paired: mutual wishes first, then a first-time mentor with an experienced
	 * one, then the rest.
	 */
	private static List<PersonEntity[]> pairs(List<PersonEntity> mentors) {
		var pairs = new ArrayList<PersonEntity[]>();
		var left = new ArrayList<PersonEntity>();
		var byIndex = new HashMap<Integer, PersonEntity>();
		mentors.forEach(m -> byIndex.put(m.getIndex(), m));
		var paired = new HashSet<Integer>();
		for (var mentor : mentors) {
			var wished = byIndex.get(mentor.getMutualWish());
			if (wished != null && !paired.contains(mentor.getIndex()) && !paired.contains(wished.getIndex())) {
				paired.add(mentor.getIndex());
				paired.add(wished.getIndex());
				pairs.add(new PersonEntity[] { mentor, wished });
			}
		}
		var experienced = new ArrayDeque<PersonEntity>();
		var firstTime = new ArrayDeque<PersonEntity>();
		for (var mentor : mentors) {
			if (!paired.contains(mentor.getIndex())) {
				(mentor.isExperienced() ? experienced : firstTime).add(mentor);
			}
		}
		while (!experienced.isEmpty() && !firstTime.isEmpty()) {
			pairs.add(new PersonEntity[] { firstTime.poll(), experienced.poll() });
		}
		left.addAll(experienced);
		left.addAll(firstTime);
		for (int i = 0; i + 1 < left.size(); i += 2) {
			pairs.add(new PersonEntity[] { left.get(i), left.get(i + 1) });
		}
		return pairs;
	}

	private void addThirdMentors() {
		if (rules.maxMentors() <= Rules.MIN_MENTORS) {
			return;
		}
		for (var group : groups) {
			if (!group.isUsed() || group.getMembers().size() >= rules.maxSize()
					|| group.mentorCount() >= rules.maxMentors()) {
				continue;
			}
			for (int i : mentorsOfType[typeOf(group)]) {
				if (!taken[i]) {
					take(people.get(i), group);
					break;
				}
			}
		}
	}

}
