package app.kindred.grouping.internal;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import app.kindred.grouping.internal.FormationProblem.Person;
import app.kindred.grouping.internal.FormationResult.ConstraintTotal;
import app.kindred.grouping.internal.FormationResult.Reason;
import app.kindred.grouping.internal.FormationResult.Unplaced;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Reads the solved model back into plain values, and says for each person left out why.
 */
public final class ResultMapper {

	private ResultMapper() {
	}

	public static FormationResult toResult(FormationProblem problem, FormationSolution solution,
			ScoreAnalysis<HardSoftLongScore> analysis, Duration elapsed) {
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
		return new FormationResult(groups, unplaced, score != null && score.isFeasible(), String.valueOf(score), totals,
				placed, participants, elapsed);
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
