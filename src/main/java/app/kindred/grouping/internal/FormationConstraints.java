package app.kindred.grouping.internal;

import static ai.timefold.solver.core.api.score.stream.Joiners.equal;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import java.util.function.ToIntFunction;

/**
 * The rules. Per-group rules read the group's members (a shadow list), so a move
 * re-evaluates only the two groups it touches; the only join is the co-mentor wish, on an
 * index.
 */
public class FormationConstraints implements ConstraintProvider {

	public static final String MENTORS_PER_GROUP = "Mentors per group";

	public static final String COMMON_SLOT = "Every member can attend the slot";

	public static final String COMMON_LANGUAGE = "Every member takes part in the language";

	public static final String REACHABLE_MODE = "Every member can reach the place";

	public static final String GROUP_SIZE = "Group size within limits";

	public static final String PARTICIPANT_PLACED = "Place as many participants as possible";

	public static final String EARLIER_SIGN_UP = "Earlier sign-ups first";

	public static final String PREFERRED_SLOT = "Preferred slots";

	public static final String CO_MENTOR_WISH = "Mutual co-mentor wishes";

	public static final String EXPERIENCED_MENTOR = "First-time mentor with an experienced one";

	public static final String DEPARTMENT_MIX = "Not too many from one department";

	public static final String BALANCED_SIZES = "Balanced group sizes";

	@Override
	public Constraint[] defineConstraints(ConstraintFactory factory) {
		return new Constraint[] { hardPerGroup(factory, GroupEntity::mentorViolation, MENTORS_PER_GROUP),
				hardPerGroup(factory, GroupEntity::membersWhoCannotAttendSlot, COMMON_SLOT),
				hardPerGroup(factory, GroupEntity::membersWithoutLanguage, COMMON_LANGUAGE),
				hardPerGroup(factory, GroupEntity::membersWhoCannotReach, REACHABLE_MODE),
				hardPerGroup(factory, GroupEntity::sizeViolation, GROUP_SIZE), participantPlaced(factory),
				earlierSignUp(factory), softPerGroup(factory, GroupEntity::membersAtNonPreferredSlot, PREFERRED_SLOT),
				coMentorWish(factory), softPerGroup(factory, GroupEntity::firstTimeMentorsAlone, EXPERIENCED_MENTOR),
				softPerGroup(factory, GroupEntity::departmentExcess, DEPARTMENT_MIX),
				softPerGroup(factory, g -> g.participantCount() * g.participantCount(), BALANCED_SIZES) };
	}

	private static Constraint hardPerGroup(ConstraintFactory factory, ToIntFunction<GroupEntity> violation,
			String name) {
		return factory.forEach(GroupEntity.class)
			.filter(group -> group.isUsed() && violation.applyAsInt(group) > 0)
			.penalizeLong(HardSoftLongScore.ONE_HARD, violation::applyAsInt)
			.asConstraint(name);
	}

	private static Constraint softPerGroup(ConstraintFactory factory, ToIntFunction<GroupEntity> violation,
			String name) {
		return factory.forEach(GroupEntity.class)
			.filter(group -> group.isUsed() && violation.applyAsInt(group) > 0)
			.penalizeLong(HardSoftLongScore.ONE_SOFT, violation::applyAsInt)
			.asConstraint(name);
	}

	private static Constraint participantPlaced(ConstraintFactory factory) {
		return factory.forEachIncludingUnassigned(PersonEntity.class)
			.filter(person -> person.isParticipant() && person.getGroup() == null)
			.penalizeLong(HardSoftLongScore.ONE_SOFT)
			.asConstraint(PARTICIPANT_PLACED);
	}

	private static Constraint earlierSignUp(ConstraintFactory factory) {
		return factory.forEachIncludingUnassigned(PersonEntity.class)
			.filter(person -> person.isParticipant() && person.getGroup() == null && person.getEarliness() > 0)
			.penalizeLong(HardSoftLongScore.ONE_SOFT, PersonEntity::getEarliness)
			.asConstraint(EARLIER_SIGN_UP);
	}

	private static Constraint coMentorWish(ConstraintFactory factory) {
		return factory.forEachIncludingUnassigned(PersonEntity.class)
			.filter(mentor -> mentor.getMutualWish() > mentor.getIndex())
			.join(factory.forEachIncludingUnassigned(PersonEntity.class).filter(PersonEntity::isMentor),
					equal(PersonEntity::getMutualWish, PersonEntity::getIndex))
			.filter((mentor, wished) -> mentor.getGroup() == null || mentor.getGroup() != wished.getGroup())
			.penalizeLong(HardSoftLongScore.ONE_SOFT)
			.asConstraint(CO_MENTOR_WISH);
	}

}
