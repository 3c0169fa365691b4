package app.kindred.grouping.internal;

import app.kindred.core.Language;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import app.kindred.recruitment.RecruitmentRole;

/**
 * Everything the solver needs to form one programme's groups, as plain values, so that
 * the solver depends on no other module and a benchmark can build a problem of its own.
 *
 * @param slots candidate weekly slots, as keys such as {@code TUE1615}
 * @param minSize smallest group, mentors included
 * @param maxSize largest group, mentors included
 * @param allowThreeMentors whether a group may have three mentors instead of two
 * @param campuses the campuses groups may meet on
 * @param maxFromSameDepartment at most this many members of one group from the same
 * department (a preference)
 * @param pinnedGroups groups kept as they are (slot, language, mode and pinned members);
 * the solver may add members
 */
public record FormationProblem(List<String> slots, int minSize, int maxSize, boolean allowThreeMentors,
		List<String> campuses, List<Person> people, List<PinnedGroup> pinnedGroups, int maxFromSameDepartment,
		Weights weights) {

	public static final int MENTORS_PER_GROUP = 2;

	public FormationProblem {
		slots = List.copyOf(slots);
		campuses = List.copyOf(campuses);
		people = List.copyOf(people);
		pinnedGroups = List.copyOf(pinnedGroups);
		weights = weights == null ? Weights.DEFAULTS : weights;
		if (slots.size() > 64) {
			throw new IllegalArgumentException("At most 64 candidate slots are supported");
		}
		if (campuses.size() > 63) {
			throw new IllegalArgumentException("At most 63 campuses are supported");
		}
		if (minSize < MENTORS_PER_GROUP || maxSize < minSize) {
			throw new IllegalArgumentException("Group size limits must satisfy 2 <= min <= max");
		}
		var ids = new HashSet<UUID>();
		for (var person : people) {
			if (!ids.add(person.id())) {
				throw new IllegalArgumentException("Person " + person.id() + " appears twice");
			}
		}
		var pinned = new HashSet<UUID>();
		for (var group : pinnedGroups) {
			for (var member : group.members()) {
				if (!ids.contains(member)) {
					throw new IllegalArgumentException("Pinned person " + member + " is not among the people");
				}
				if (!pinned.add(member)) {
					throw new IllegalArgumentException("Person " + member + " is pinned to two groups");
				}
			}
		}
	}

	/**
	 * A problem with default weights, no pins and at most three members from one
	 * department per group.
	 */
	public static FormationProblem of(List<String> slots, int minSize, int maxSize, List<String> campuses,
			List<Person> people) {
		return new FormationProblem(slots, minSize, maxSize, false, campuses, people, List.of(), 3, Weights.DEFAULTS);
	}

	public FormationProblem withPinnedGroups(List<PinnedGroup> pins) {
		return new FormationProblem(slots, minSize, maxSize, allowThreeMentors, campuses, people, pins,
				maxFromSameDepartment, weights);
	}

	public FormationProblem withWeights(Weights newWeights) {
		return new FormationProblem(slots, minSize, maxSize, allowThreeMentors, campuses, people, pinnedGroups,
				maxFromSameDepartment, newWeights);
	}

	public FormationProblem withThreeMentorsAllowed(boolean allowed) {
		return new FormationProblem(slots, minSize, maxSize, allowed, campuses, people, pinnedGroups,
				maxFromSameDepartment, weights);
	}

	public FormationProblem withMaxFromSameDepartment(int max) {
		return new FormationProblem(slots, minSize, maxSize, allowThreeMentors, campuses, people, pinnedGroups, max,
				weights);
	}

	public int maxMentorsPerGroup() {
		return allowThreeMentors ? 3 : MENTORS_PER_GROUP;
	}

	public enum Availability {

		PREFERRED, POSSIBLE

	}

	/**
	 * A mentor or participant.
	 *
	 * @param arrival sign-up order; smaller signed up earlier
	 * @param remote whether they can take part remotely
	 * @param campuses the campuses they can reach
	 * @param availability the slots they can attend; absent slots they cannot
	 * @param department may be null
	 * @param coMentorWish another mentor's id, or null
	 * @param experienced a mentor who has led a group before
	 */
	public record Person(UUID id, RecruitmentRole role, long arrival, Set<Language> languages, boolean remote,
			Set<String> campuses, Map<String, Availability> availability, String department, UUID coMentorWish,
			boolean experienced) {

		public Person {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(role, "role");
			languages = Set.copyOf(languages);
			campuses = Set.copyOf(campuses);
			availability = Map.copyOf(availability);
		}

		public static Person participant(UUID id, long arrival, Set<Language> languages, boolean remote,
				Set<String> campuses, Map<String, Availability> availability, String department) {
			return new Person(id, RecruitmentRole.PARTICIPANT, arrival, languages, remote, campuses, availability,
					department, null, false);
		}

		public static Person mentor(UUID id, long arrival, Set<Language> languages, boolean remote,
				Set<String> campuses, Map<String, Availability> availability, String department, UUID coMentorWish,
				boolean experienced) {
			return new Person(id, RecruitmentRole.MENTOR, arrival, languages, remote, campuses, availability,
					department, coMentorWish, experienced);
		}

		public boolean isMentor() {
			return role == RecruitmentRole.MENTOR;
		}

		public boolean canReach(Mode mode) {
			return mode.isRemote() ? remote : campuses.contains(mode.campus());
		}
	}

	/**
	 * A group the coordinator fixed: its slot, language and mode stay, and so do its
	 * members.
	 */
	public record PinnedGroup(UUID id, String slot, Language language, Mode mode, Set<UUID> members) {

		public PinnedGroup {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(slot, "slot");
			Objects.requireNonNull(language, "language");
			Objects.requireNonNull(mode, "mode");
			members = Set.copyOf(members);
		}
	}

	/**
	 * Weights of the preferences, all on one soft scale. Placing a participant outweighs
	 * every other preference of that participant, so the defaults never trade a seat for
	 * comfort.
	 *
	 * @param placeParticipant per participant left without a group
	 * @param earlierSignUp per unplaced participant, scaled from 0 (signed up last) to
	 * 1000 (signed up first)
	 * @param preferredSlot per member whose group meets at a slot they can attend but did
	 * not prefer
	 * @param coMentorWish per mutual co-mentor wish not fulfilled
	 * @param experiencedMentor per first-time mentor whose group has no experienced
	 * mentor
	 * @param departmentMix per member beyond the allowed number from one department in a
	 * group
	 * @param balancedSizes per unit of the sum of squared participant counts of the
	 * groups
	 */
	public record Weights(long placeParticipant, long earlierSignUp, long preferredSlot, long coMentorWish,
			long experiencedMentor, long departmentMix, long balancedSizes) {

		public static final Weights DEFAULTS = new Weights(100_000, 10, 50, 200, 300, 100, 1);

	}
}
