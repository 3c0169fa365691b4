package app.kindred.grouping.internal;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import app.kindred.core.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A group: its slot, language and mode are planning variables, its members the people
 * whose group it is. The per-group rules are computed here over the members (at most a
 * dozen), which keeps the constraint streams free of joins.
 */
@PlanningEntity
public class GroupEntity {

	@PlanningId
	private int index;

	private UUID id;

	private Rules rules;

	@PlanningPin
	private boolean pinned;

	@PlanningVariable(valueRangeProviderRefs = "slots")
	private SlotRef slot;

	@PlanningVariable(valueRangeProviderRefs = "languages")
	private Language language;

	@PlanningVariable(valueRangeProviderRefs = "modes")
	private ModeRef mode;

	@InverseRelationShadowVariable(sourceVariableName = "group")
	private List<PersonEntity> members = new ArrayList<>();

	public GroupEntity() {
	}

	public GroupEntity(int index, UUID id, Rules rules, SlotRef slot, Language language, ModeRef mode) {
		this.index = index;
		this.id = id;
		this.rules = rules;
		this.slot = slot;
		this.language = language;
		this.mode = mode;
	}

	public boolean isUsed() {
		return !members.isEmpty();
	}

	public int mentorCount() {
		int count = 0;
		for (var member : members) {
			if (member.isMentor()) {
				count++;
			}
		}
		return count;
	}

	public int participantCount() {
		return members.size() - mentorCount();
	}

	/** How far the number of mentors is from 2..max; 0 when it is within. */
	public int mentorViolation() {
		int mentors = mentorCount();
		return Math.max(0, Rules.MIN_MENTORS - mentors) + Math.max(0, mentors - rules.maxMentors());
	}

	/** How far the size is from min..max; 0 when it is within. */
	public int sizeViolation() {
		int size = members.size();
		return Math.max(0, rules.minSize() - size) + Math.max(0, size - rules.maxSize());
	}

	public int membersWhoCannotAttendSlot() {
		int count = 0;
		for (var member : members) {
			if (!member.canAttend(slot)) {
				count++;
			}
		}
		return count;
	}

	public int membersWithoutLanguage() {
		int count = 0;
		for (var member : members) {
			if (!member.speaks(language)) {
				count++;
			}
		}
		return count;
	}

	public int membersWhoCannotReach() {
		int count = 0;
		for (var member : members) {
			if (!member.canReach(mode)) {
				count++;
			}
		}
		return count;
	}

	/** Members who can attend the slot but did not prefer it. */
	public int membersAtNonPreferredSlot() {
		int count = 0;
		for (var member : members) {
			if (member.canAttend(slot) && !member.prefers(slot)) {
				count++;
			}
		}
		return count;
	}

	/** First-time mentors in a group without an experienced mentor. */
	public int firstTimeMentorsAlone() {
		int firstTime = 0;
		for (var member : members) {
			if (member.isMentor()) {
				if (member.isExperienced()) {
					return 0;
				}
				firstTime++;
			}
		}
		return firstTime;
	}

	/** Members beyond the allowed number from one department. */
	public int departmentExcess() {
		int size = members.size();
		if (size <= rules.maxFromSameDepartment()) {
			return 0;
		}
		int excess = 0;
		for (int i = 0; i < size; i++) {
			int department = members.get(i).getDepartment();
			if (department < 0) {
				continue;
			}
			boolean firstOfDepartment = true;
			int count = 0;
			for (int j = 0; j < size; j++) {
				if (members.get(j).getDepartment() == department) {
					if (j < i) {
						firstOfDepartment = false;
						break;
					}
					count++;
				}
			}
			if (firstOfDepartment && count > rules.maxFromSameDepartment()) {
				excess += count - rules.maxFromSameDepartment();
			}
		}
		return excess;
	}

	public boolean admitsEveryMember(SlotRef newSlot, Language newLanguage, ModeRef newMode) {
		for (var member : members) {
			if (!member.canAttend(newSlot) || !member.speaks(newLanguage) || !member.canReach(newMode)) {
				return false;
			}
		}
		return true;
	}

	public int getIndex() {
		return index;
	}

	public UUID getId() {
		return id;
	}

	public Rules getRules() {
		return rules;
	}

	public boolean isPinned() {
		return pinned;
	}

	public void setPinned(boolean pinned) {
		this.pinned = pinned;
	}

	public SlotRef getSlot() {
		return slot;
	}

	public void setSlot(SlotRef slot) {
		this.slot = slot;
	}

	public Language getLanguage() {
		return language;
	}

	public void setLanguage(Language language) {
		this.language = language;
	}

	public ModeRef getMode() {
		return mode;
	}

	public void setMode(ModeRef mode) {
		this.mode = mode;
	}

	public List<PersonEntity> getMembers() {
		return members;
	}

	public void setMembers(List<PersonEntity> members) {
		this.members = members;
	}

	@Override
	public String toString() {
		return "G" + index + "(" + slot + " " + language + " " + mode + ")";
	}

}
