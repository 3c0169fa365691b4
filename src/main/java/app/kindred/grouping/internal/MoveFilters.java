package app.kindred.grouping.internal;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.common.decorator.SelectionFilter;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.ChangeMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.generic.SwapMove;
import app.kindred.core.Language;

/**
 * Keep local search to moves that respect slot, language and place: the rest would only
 * be scored and rejected. Filtering is a few bit operations; scoring a move costs far
 * more.
 */
public final class MoveFilters {

	private MoveFilters() {
	}

	/** A person moves to a group they can join, or out of their group. */
	public static final class PersonChange
			implements SelectionFilter<FormationSolution, ChangeMove<FormationSolution>> {

		@Override
		public boolean accept(ScoreDirector<FormationSolution> scoreDirector, ChangeMove<FormationSolution> move) {
			var person = (PersonEntity) move.getEntity();
			var target = (GroupEntity) move.getToPlanningValue();
			if (target == null) {
				return person.getGroup() != null;
			}
			return target != person.getGroup() && person.canJoin(target);
		}

	}

	/**
	 * Two mentors, or two participants, trade places, each able to join the other's
	 * group.
	 */
	public static final class PersonSwap implements SelectionFilter<FormationSolution, SwapMove<FormationSolution>> {

		@Override
		public boolean accept(ScoreDirector<FormationSolution> scoreDirector, SwapMove<FormationSolution> move) {
			var left = (PersonEntity) move.getLeftEntity();
			var right = (PersonEntity) move.getRightEntity();
			var leftGroup = left.getGroup();
			var rightGroup = right.getGroup();
			return left.isMentor() == right.isMentor() && leftGroup != rightGroup
					&& (rightGroup == null || left.canJoin(rightGroup))
					&& (leftGroup == null || right.canJoin(leftGroup));
		}

	}

	/**
	 * A group changes slot, language or mode only to one every member can still attend.
	 */
	public static final class GroupChange implements SelectionFilter<FormationSolution, ChangeMove<FormationSolution>> {

		@Override
		public boolean accept(ScoreDirector<FormationSolution> scoreDirector, ChangeMove<FormationSolution> move) {
			var group = (GroupEntity) move.getEntity();
			var value = move.getToPlanningValue();
			var slot = value instanceof SlotRef s ? s : group.getSlot();
			var language = value instanceof Language l ? l : group.getLanguage();
			var mode = value instanceof ModeRef m ? m : group.getMode();
			boolean changes = slot != group.getSlot() || language != group.getLanguage() || mode != group.getMode();
			return changes && group.admitsEveryMember(slot, language, mode);
		}

	}

}
