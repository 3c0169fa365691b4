package app.kindred.grouping.internal;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import app.kindred.core.Language;
import app.kindred.grouping.internal.FormationProblem.Availability;
import app.kindred.grouping.internal.FormationProblem.Person;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/** Turns the plain problem into the solver's model: indexes, bit masks, pinned groups. */
public final class SolutionBuilder {

	private SolutionBuilder() {
	}

	public static FormationSolution build(FormationProblem problem) {
		var slots = IntStream.range(0, problem.slots().size())
			.mapToObj(i -> new SlotRef(i, problem.slots().get(i)))
			.toList();
		var slotIndex = new HashMap<String, Integer>();
		slots.forEach(slot -> slotIndex.put(slot.key(), slot.index()));
		var modes = new ArrayList<ModeRef>();
		modes.add(new ModeRef(0, Mode.REMOTE));
		for (var campus : problem.campuses()) {
			modes.add(new ModeRef(modes.size(), Mode.onCampus(campus)));
		}
		var campusIndex = new HashMap<String, Integer>();
		modes.stream().filter(m -> !m.mode().isRemote()).forEach(m -> campusIndex.put(m.mode().campus(), m.index()));

		var people = problem.people();
		var index = new HashMap<UUID, Integer>();
		for (int i = 0; i < people.size(); i++) {
			index.put(people.get(i).id(), i);
		}
		var earliness = earliness(people);
		var departments = new HashMap<String, Integer>();
		var entities = new ArrayList<PersonEntity>(people.size());
		for (int i = 0; i < people.size(); i++) {
			var person = people.get(i);
			long slotMask = 0;
			long preferred = 0;
			for (var entry : person.availability().entrySet()) {
				var slot = slotIndex.get(entry.getKey());
				if (slot != null) {
					slotMask |= 1L << slot;
					if (entry.getValue() == Availability.PREFERRED) {
						preferred |= 1L << slot;
					}
				}
			}
			int languageMask = 0;
			for (var language : person.languages()) {
				languageMask |= PersonEntity.languageBit(language);
			}
			long modeMask = person.remote() ? 1L : 0L;
			for (var campus : person.campuses()) {
				var mode = campusIndex.get(campus);
				if (mode != null) {
					modeMask |= 1L << mode;
				}
			}
			int department = person.department() == null ? -1
					: departments.computeIfAbsent(person.department(), d -> departments.size());
			int mutualWish = mutualWish(person, people, index);
			entities.add(new PersonEntity(i, person.id(), person.isMentor(), earliness[i], slotMask, preferred,
					languageMask, modeMask, department, mutualWish, person.experienced()));
		}

		var rules = new Rules(problem.minSize(), problem.maxSize(), problem.maxMentorsPerGroup(),
				problem.maxFromSameDepartment());
		var groups = new ArrayList<GroupEntity>();
		for (var pin : problem.pinnedGroups()) {
			var slot = slotIndex.get(pin.slot());
			if (slot == null) {
				throw new IllegalArgumentException("Pinned group " + pin.id() + " meets at an unknown slot");
			}
			var mode = pin.mode().isRemote() ? modes.get(0)
					: modes.get(campusIndex.getOrDefault(pin.mode().campus(), -1));
			var group = new GroupEntity(groups.size(), pin.id(), rules, slots.get(slot), pin.language(), mode);
			group.setPinned(true);
			for (var member : pin.members()) {
				var person = entities.get(index.get(member));
				person.setPinned(true);
				person.setGroup(group);
				group.getMembers().add(person);
			}
			groups.add(group);
		}
		return new FormationSolution(slots, List.of(Language.values()), List.copyOf(modes), groups, entities,
				weights(problem.weights()));
	}

	private static int[] earliness(List<Person> people) {
		var participants = IntStream.range(0, people.size())
			.filter(i -> !people.get(i).isMentor())
			.boxed()
			.sorted(Comparator.comparingLong((Integer i) -> people.get(i).arrival()))
			.toList();
		var earliness = new int[people.size()];
		int n = participants.size();
		for (int rank = 0; rank < n; rank++) {
			earliness[participants.get(rank)] = n <= 1 ? 0 : (int) Math.round(1000.0 * (n - 1 - rank) / (n - 1));
		}
		return earliness;
	}

	private static int mutualWish(Person person, List<Person> people, Map<UUID, Integer> index) {
		if (!person.isMentor() || person.coMentorWish() == null) {
			return -1;
		}
		var other = index.get(person.coMentorWish());
		if (other == null) {
			return -1;
		}
		var wished = people.get(other);
		return wished.isMentor() && person.id().equals(wished.coMentorWish()) ? other : -1;
	}

	private static ConstraintWeightOverrides<HardSoftLongScore> weights(FormationProblem.Weights weights) {
		var map = new HashMap<String, HardSoftLongScore>();
		map.put(FormationConstraints.PARTICIPANT_PLACED, HardSoftLongScore.ofSoft(weights.placeParticipant()));
		map.put(FormationConstraints.EARLIER_SIGN_UP, HardSoftLongScore.ofSoft(weights.earlierSignUp()));
		map.put(FormationConstraints.PREFERRED_SLOT, HardSoftLongScore.ofSoft(weights.preferredSlot()));
		map.put(FormationConstraints.CO_MENTOR_WISH, HardSoftLongScore.ofSoft(weights.coMentorWish()));
		map.put(FormationConstraints.EXPERIENCED_MENTOR, HardSoftLongScore.ofSoft(weights.experiencedMentor()));
		map.put(FormationConstraints.DEPARTMENT_MIX, HardSoftLongScore.ofSoft(weights.departmentMix()));
		map.put(FormationConstraints.BALANCED_SIZES, HardSoftLongScore.ofSoft(weights.balancedSizes()));
		return ConstraintWeightOverrides.of(map);
	}

}
