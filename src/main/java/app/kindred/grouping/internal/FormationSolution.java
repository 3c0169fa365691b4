package app.kindred.grouping.internal;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import app.kindred.core.Language;
import java.util.List;

@PlanningSolution
public class FormationSolution {

	@ValueRangeProvider(id = "slots")
	private List<SlotRef> slots;

	@ValueRangeProvider(id = "languages")
	private List<Language> languages;

	@ValueRangeProvider(id = "modes")
	private List<ModeRef> modes;

	@PlanningEntityCollectionProperty
	@ValueRangeProvider(id = "groups")
	private List<GroupEntity> groups;

	@PlanningEntityCollectionProperty
	private List<PersonEntity> people;

	private ConstraintWeightOverrides<HardSoftLongScore> constraintWeightOverrides;

	@PlanningScore
	private HardSoftLongScore score;

	public FormationSolution() {
	}

	public FormationSolution(List<SlotRef> slots, List<Language> languages, List<ModeRef> modes,
			List<GroupEntity> groups, List<PersonEntity> people,
			ConstraintWeightOverrides<HardSoftLongScore> constraintWeightOverrides) {
		this.slots = slots;
		this.languages = languages;
		this.modes = modes;
		this.groups = groups;
		this.people = people;
		this.constraintWeightOverrides = constraintWeightOverrides;
	}

	public List<SlotRef> getSlots() {
		return slots;
	}

	public List<Language> getLanguages() {
		return languages;
	}

	public List<ModeRef> getModes() {
		return modes;
	}

	public List<GroupEntity> getGroups() {
		return groups;
	}

	public List<PersonEntity> getPeople() {
		return people;
	}

	public ConstraintWeightOverrides<HardSoftLongScore> getConstraintWeightOverrides() {
		return constraintWeightOverrides;
	}

	public void setSlots(List<SlotRef> slots) {
		this.slots = slots;
	}

	public void setLanguages(List<Language> languages) {
		this.languages = languages;
	}

	public void setModes(List<ModeRef> modes) {
		this.modes = modes;
	}

	public void setGroups(List<GroupEntity> groups) {
		this.groups = groups;
	}

	public void setPeople(List<PersonEntity> people) {
		this.people = people;
	}

	public void setConstraintWeightOverrides(ConstraintWeightOverrides<HardSoftLongScore> overrides) {
		this.constraintWeightOverrides = overrides;
	}

	public HardSoftLongScore getScore() {
		return score;
	}

	public void setScore(HardSoftLongScore score) {
		this.score = score;
	}

	public int participantsPlaced() {
		int placed = 0;
		for (var person : people) {
			if (person.isParticipant() && person.getGroup() != null) {
				placed++;
			}
		}
		return placed;
	}

}
