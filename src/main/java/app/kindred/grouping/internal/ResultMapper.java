package app.kindred.grouping.internal;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import app.kindred.grouping.internal.FormationProblem.Person;
import app.kindred.grouping.internal.FormationResult.Cause;
import app.kindred.grouping.internal.FormationResult.ConstraintTotal;
import app.kindred.grouping.internal.FormationResult.Placement;
import app.kindred.grouping.internal.FormationResult.Shortfall;
import app.kindred.grouping.internal.FormationResult.Reason;
import app.kindred.grouping.internal.FormationResult.Unplaced;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Reads the solved model back into plain values, and says for each person left out why.
 */
public final class ResultMapper {

	private ResultMapper() {
	}

	/**
	 * @param limit what the construction found out about the most participants that can
	 * be placed; null when nothing was solved (groups scored as they stand)
	 */
	public static FormationResult toResult(FormationProblem problem, FormationSolution solution,
			ScoreAnalysis<HardSoftLongScore> analysis, Duration elapsed, InitialAssignment.Limit limit) {
		var used = solution.getGroups().stream().filter(GroupEntity::isUsed).toList();
		var groups = new ArrayList<FormationResult.Group>();
		for (var group : used) {
			var mentors = new ArrayList<UUID>();
			var participants = new ArrayList<UUID>();
			group.getMembers()
				.stream()
				.sorted(Comparator.comparingInt(PersonEntity::getIndex))
				.forEach(member -> (member.isMentor() ? mentors : participants).add(member.getId()));
			groups.add(new FormationResult.Group(group.getId(), group.getSlot().key(), group.getLanguage(),
					group.getMode().mode(), mentors, participants));
		}
		var unplaced = new ArrayList<Unplaced>();
		int participants = 0;
		int placed = 0;
		for (var entity : solution.getPeople()) {
			if (entity.isParticipant()) {
				participants++;
			}
			if (entity.getGroup() != null) {
				if (entity.isParticipant()) {
					placed++;
				}
				continue;
			}
			var person = problem.people().get(entity.getIndex());
			unplaced.add(unplaced(problem, person, entity, used));
		}
		var totals = analysis.constraintAnalyses()
			.stream()
			.map(c -> new ConstraintTotal(c.constraintName(), c.score().hardScore(), c.score().softScore(),
					c.matchCount()))
			.sorted(Comparator.comparing(ConstraintTotal::constraint))
			.toList();
		var score = solution.getScore();
		var placement = new Placement(limit == null ? null : limit.most(), limit != null && limit.proven(),
				shortfalls(solution));
		return new FormationResult(groups, unplaced, score != null && score.isFeasible(), String.valueOf(score), totals,
				placed, participants, elapsed, placement);
	}

	/**
	 * Participants left out, counted by the first {@link Cause} that holds for them: what
	 * two mentors could offer them, whatever the groups formed.
	 */
	static List<Shortfall> shortfalls(FormationSolution solution) {
		int slots = solution.getSlots().size();
		int languages = solution.getLanguages().size();
		int modes = solution.getModes().size();
		var atSlot = new int[slots];
		var inLanguage = new int[slots][languages];
		var inPlace = new int[slots][languages][modes];
		for (var mentor : solution.getPeople()) {
			if (!mentor.isMentor()) {
				continue;
			}
			for (int s = 0; s < slots; s++) {
				if ((mentor.getSlotMask() >>> s & 1L) == 0) {
					continue;
				}
				atSlot[s]++;
				for (int l = 0; l < languages; l++) {
					if ((mentor.getLanguageMask() >>> l & 1) == 0) {
						continue;
					}
					inLanguage[s][l]++;
					for (int m = 0; m < modes; m++) {
						if ((mentor.getModeMask() >>> m & 1L) != 0) {
							inPlace[s][l][m]++;
						}
					}
				}
			}
		}
		var counts = new EnumMap<Cause, Integer>(Cause.class);
		for (var person : solution.getPeople()) {
			if (!person.isParticipant() || person.getGroup() != null) {
				continue;
			}
			var cause = Cause.NO_TIME;
			for (int s = 0; s < slots; s++) {
				if ((person.getSlotMask() >>> s & 1L) == 0) {
					continue;
				}
				cause = worse(cause, Cause.NO_MENTORS_AT_THEIR_TIMES);
				if (atSlot[s] < Rules.MIN_MENTORS) {
					continue;
				}
				for (int l = 0; l < languages; l++) {
					if ((person.getLanguageMask() >>> l & 1) == 0) {
						continue;
					}
					cause = worse(cause, Cause.NO_MENTORS_IN_THEIR_LANGUAGE);
					if (inLanguage[s][l] < Rules.MIN_MENTORS) {
						continue;
					}
					cause = worse(cause, Cause.NO_MENTORS_IN_THEIR_PLACE);
					for (int m = 0; m < modes; m++) {
						if ((person.getModeMask() >>> m & 1L) != 0 && inPlace[s][l][m] >= Rules.MIN_MENTORS) {
							cause = Cause.MENTORS_AND_SEATS_TAKEN;
						}
					}
				}
			}
			counts.merge(cause, 1, Integer::sum);
		}
		return counts.entrySet().stream().map(e -> new Shortfall(e.getKey(), e.getValue())).toList();
	}

	/**
	 * Of two causes, the one further down the list: the person got further with the
	 * mentors.
	 */
	private static Cause worse(Cause one, Cause other) {
		return one.ordinal() >= other.ordinal() ? one : other;
	}

	static Reason reason(PersonEntity person, List<GroupEntity> used) {
		if (person.getSlotMask() == 0) {
			return Reason.NO_SLOT_AVAILABLE;
		}
		boolean languageAtSlot = false;
		boolean compatible = false;
		boolean room = false;
		for (var group : used) {
			if (person.canAttend(group.getSlot()) && person.speaks(group.getLanguage())) {
				languageAtSlot = true;
				if (person.canReach(group.getMode())) {
					compatible = true;
					var rules = group.getRules();
					boolean seat = group.getMembers().size() < rules.maxSize();
					if (seat && (person.isParticipant() || group.mentorCount() < rules.maxMentors())) {
						room = true;
					}
				}
			}
		}
		if (!languageAtSlot) {
			return Reason.NO_GROUP_IN_LANGUAGE_AT_SLOT;
		}
		if (!compatible) {
			return Reason.NO_GROUP_IN_REACHABLE_PLACE;
		}
		return room ? Reason.LEFT_OUT_BY_SOLVER : Reason.GROUPS_FULL;
	}

	private static Unplaced unplaced(FormationProblem problem, Person person, PersonEntity entity,
			List<GroupEntity> used) {
		var slots = new TreeSet<String>();
		for (var slot : problem.slots()) {
			if (person.availability().containsKey(slot)) {
				slots.add(slot);
			}
		}
		return new Unplaced(person.id(), person.role(), reason(entity, used), person.languages(), slots,
				person.remote(), person.campuses());
	}

}
