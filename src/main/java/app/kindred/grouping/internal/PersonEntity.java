package app.kindred.grouping.internal;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import app.kindred.core.Language;
import java.util.UUID;

/**
 * A mentor or participant as the solver sees them: what they can attend as bit masks, so
 * that checking a group is a few bit operations.
 */
@PlanningEntity
public class PersonEntity {

	@PlanningId
	private int index;

	private UUID id;

	private boolean mentor;

	/** 0 for the participant who signed up last, up to 1000 for the first. */
	private int earliness;

	private long slotMask;

	private long preferredSlotMask;

	private int languageMask;

	/** Bit 0: remote; bit i: campus i - 1. */
	private long modeMask;

	/** -1 when unknown. */
	private int department;

	/** Index of the mentor this mentor and they both wished to work with, or -1. */
	private int mutualWish;

	private boolean experienced;

	@PlanningPin
	private boolean pinned;

	@PlanningVariable(valueRangeProviderRefs = "groups", allowsUnassigned = true)
	private GroupEntity group;

	public PersonEntity() {
	}

	public PersonEntity(int index, UUID id, boolean mentor, int earliness, long slotMask, long preferredSlotMask,
			int languageMask, long modeMask, int department, int mutualWish, boolean experienced) {
		this.index = index;
		this.id = id;
		this.mentor = mentor;
		this.earliness = earliness;
		this.slotMask = slotMask;
		this.preferredSlotMask = preferredSlotMask;
		this.languageMask = languageMask;
		this.modeMask = modeMask;
		this.department = department;
		this.mutualWish = mutualWish;
		this.experienced = experienced;
	}

	public static int languageBit(Language language) {
		return 1 << language.ordinal();
	}

	public boolean canAttend(SlotRef slot) {
		return (slotMask >>> slot.index() & 1L) != 0;
	}

	public boolean prefers(SlotRef slot) {
		return (preferredSlotMask >>> slot.index() & 1L) != 0;
	}

	public boolean speaks(Language language) {
		return (languageMask & languageBit(language)) != 0;
	}

	public boolean canReach(ModeRef mode) {
		return (modeMask >>> mode.index() & 1L) != 0;
	}

	public boolean canJoin(GroupEntity candidate) {
		return canAttend(candidate.getSlot()) && speaks(candidate.getLanguage()) && canReach(candidate.getMode());
	}

	public int getIndex() {
		return index;
	}

	public UUID getId() {
		return id;
	}

	public boolean isMentor() {
		return mentor;
	}

	public boolean isParticipant() {
		return !mentor;
	}

	public int getEarliness() {
		return earliness;
	}

	public long getSlotMask() {
		return slotMask;
	}

	public int getLanguageMask() {
		return languageMask;
	}

	public long getModeMask() {
		return modeMask;
	}

	public int getDepartment() {
		return department;
	}

	public int getMutualWish() {
		return mutualWish;
	}

	public boolean isExperienced() {
		return experienced;
	}

	public boolean isPinned() {
		return pinned;
	}

	public void setPinned(boolean pinned) {
		this.pinned = pinned;
	}

	public GroupEntity getGroup() {
		return group;
	}

	public void setGroup(GroupEntity group) {
		this.group = group;
	}

	@Override
	public String toString() {
		return (mentor ? "M" : "P") + index;
	}

}
