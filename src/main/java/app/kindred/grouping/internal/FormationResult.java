package app.kindred.grouping.internal;

import app.kindred.core.Language;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import app.kindred.recruitment.RecruitmentRole;

/**
 * The solver's proposal: the groups, everyone left out with the reason, and the score
 * broken down by rule.
 *
 * @param feasible whether every hard rule holds
 * @param score the total score as Timefold writes it, e.g. {@code 0hard/-1250soft}
 * @param constraints each rule's share of the score
 * @param elapsed the solver's wall time
 * @param placement how many participants can be placed at most, and why those left out
 * are; null in a proposal stored before Kindred said so
 */
public record FormationResult(List<Group> groups, List<Unplaced> unplaced, boolean feasible, String score,
		List<ConstraintTotal> constraints, int participantsPlaced, int participants, Duration elapsed,
		Placement placement) {

	public FormationResult {
		groups = List.copyOf(groups);
		unplaced = List.copyOf(unplaced);
		constraints = List.copyOf(constraints);
	}

	/** Everyone in the proposal: each group's members, then everyone left out. */
	public List<UUID> people() {
		return Stream
			.concat(groups.stream().flatMap(g -> g.members().stream()), unplaced.stream().map(Unplaced::personId))
			.toList();
	}

	/** Whether this person is in the proposal at all, in a group or not. */
	public boolean contains(UUID person) {
		return people().contains(person);
	}

	/** The hard rules broken, such as after changes by hand. */
	public List<ConstraintTotal> broken() {
		return constraints.stream().filter(c -> c.hardScore() < 0).toList();
	}

	/** Whether this person of the proposal is a mentor. */
	public boolean isMentor(UUID person) {
		return groups.stream().anyMatch(g -> g.mentors().contains(person))
				|| unplaced.stream().anyMatch(u -> u.personId().equals(person) && u.role() == RecruitmentRole.MENTOR);
	}

	public record Group(UUID id, String slot, Language language, Mode mode, List<UUID> mentors,
			List<UUID> participants) {

		public Group {
			mentors = List.copyOf(mentors);
			participants = List.copyOf(participants);
		}

		public int size() {
			return mentors.size() + participants.size();
		}

		/** Mentors first, then participants. */
		public List<UUID> members() {
			return Stream.concat(mentors.stream(), participants.stream()).toList();
		}
	}

	/**
	 * Someone the proposal leaves out, with what is needed to say why in plain words:
	 * their languages, the slots they can attend and the places they can reach.
	 */
	public record Unplaced(UUID personId, RecruitmentRole role, Reason reason, Set<Language> languages,
			Set<String> slots, boolean remote, Set<String> campuses) {
	}

	public enum Reason {

		/** They can attend none of the candidate slots. */
		NO_SLOT_AVAILABLE,
		/** No group meets in a language they take part in at a slot they can attend. */
		NO_GROUP_IN_LANGUAGE_AT_SLOT,
		/** Such groups exist, but none remote or on a campus they can reach. */
		NO_GROUP_IN_REACHABLE_PLACE,
		/**
		 * Every group they could join is full (participants), or has enough mentors
		 * (mentors).
		 */
		GROUPS_FULL,
		/**
		 * A group they could join has room, but the solver kept them out (stopped early,
		 * or a rule weighed more).
		 */
		LEFT_OUT_BY_SOLVER

	}

	/**
	 * What the coordinator needs to know when not everyone is placed: whether more could
	 * be, and what keeps the others out, in terms of what they can change (more mentors,
	 * another time).
	 *
	 * @param most the most participants any grouping that keeps the pinned groups can
	 * place, or null when not known (groups changed by hand before a run said so)
	 * @param proven whether {@code most} is exact, else an upper bound (the search ran
	 * out of time)
	 * @param shortfalls per cause, how many participants are left out for it; causes
	 * without any are left out
	 */
	public record Placement(Integer most, boolean proven, List<Shortfall> shortfalls) {

		public Placement {
			shortfalls = shortfalls == null ? List.of() : List.copyOf(shortfalls);
		}

		/** The same counts with what a run found out about the most. */
		public Placement withMost(Placement known) {
			return known == null ? this : new Placement(known.most(), known.proven(), shortfalls);
		}

	}

	/** How many participants are left out for one cause. */
	public record Shortfall(Cause cause, int participants) {
	}

	/**
	 * Why a participant is left out, judged by the mentors (not by the groups formed):
	 * the first of these that holds.
	 */
	public enum Cause {

		/** They can attend none of the candidate times. */
		NO_TIME,
		/** No two mentors can attend a time they can attend. */
		NO_MENTORS_AT_THEIR_TIMES,
		/** Two mentors can, but not in a language they take part in. */
		NO_MENTORS_IN_THEIR_LANGUAGE,
		/**
		 * Two mentors can, in their language, but not remotely or on a campus they reach.
		 */
		NO_MENTORS_IN_THEIR_PLACE,
		/**
		 * Two mentors could meet them, but the mentors and seats there are taken by as
		 * many others (or, when fewer are placed than could be, by this grouping).
		 */
		MENTORS_AND_SEATS_TAKEN

	}

	/** One rule's share of the score and how many times it matched. */
	public record ConstraintTotal(String constraint, long hardScore, long softScore, int matches) {
	}
}
