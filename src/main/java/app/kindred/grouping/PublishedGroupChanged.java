package app.kindred.grouping;

import java.util.List;
import java.util.UUID;

import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.RecruitmentRole;

/**
 * One change to the published groups, as the people it affects are told of it: the person
 * who joined gets their new group, the person a coordinator removed is told they are out,
 * and the mentors of the group left and the group joined are told who left or joined
 * (never why). {@link GroupMembershipChanged} says the same per group for modules that
 * follow memberships; this one exists so that a move is one message to the person moved,
 * not two.
 *
 * @param from the group the person left, or null when they joined from no group
 * @param to the group the person joined, or null when they left every group
 * @param fromMentors the mentors of {@code from} after the change, to tell that someone
 * left
 * @param toMentors the other mentors of {@code to}, to tell that someone joined
 */
public record PublishedGroupChanged(ProgrammeId programme, AccountId person, RecruitmentRole role, How how, UUID from,
		UUID to, List<AccountId> fromMentors, List<AccountId> toMentors) {

	public PublishedGroupChanged {
		fromMentors = List.copyOf(fromMentors);
		toMentors = List.copyOf(toMentors);
	}

	/**
	 * Whether the person themselves is told: when a coordinator added, moved or removed
	 * them (not when they withdrew, or were told of recruitment's decision already).
	 */
	public boolean tellsPerson() {
		return how == How.ADDED || how == How.MOVED || how == How.REMOVED;
	}

	/**
	 * How many people are told by e-mail: the person when {@link #tellsPerson()}, and the
	 * mentors of the groups left and joined. The coordinator confirms this number first.
	 */
	public int told() {
		return (tellsPerson() ? 1 : 0) + fromMentors.size() + toMentors.size();
	}

	public enum How {

		/**
		 * A coordinator put someone in a group who was in none (a replacement, or someone
		 * promoted from the list).
		 */
		ADDED,
		/**
		 * A coordinator took someone out of their group (a mentor dropping out); a
		 * participant keeps their place.
		 */
		REMOVED,
		/** A coordinator moved someone from one group to another. */
		MOVED,
		/** The person withdrew their application, so they left their group. */
		WITHDREW,
		/**
		 * A coordinator declined them in recruitment or returned them to the waiting
		 * list, so they left their group.
		 */
		LOST_PLACE

	}
}
