package app.kindred.grouping.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.kindred.grouping.PublishedGroupChanged;
import app.kindred.recruitment.ApplicationState;
import app.kindred.recruitment.ApplicationWithdrawn;
import app.kindred.recruitment.CoordinatorDecided;

/**
 * Someone without a place in the programme any more has no place in its groups: whoever
 * withdraws, or whom a coordinator declines or returns to the waiting list in
 * recruitment, leaves their published group by themselves, and the group's mentors are
 * told (without the reason, which stays in recruitment's audit).
 */
@Component
class RecruitmentFollower {

	private final GroupChangeService changes;

	RecruitmentFollower(GroupChangeService changes) {
		this.changes = changes;
	}

	@ApplicationModuleListener
	void on(ApplicationWithdrawn event) {
		changes.leave(event.programme(), event.account(), event.role(), PublishedGroupChanged.How.WITHDREW);
	}

	@ApplicationModuleListener
	void on(CoordinatorDecided event) {
		if (event.state() != ApplicationState.SEATED) {
			changes.leave(event.programme(), event.account(), event.role(), PublishedGroupChanged.How.LOST_PLACE);
		}
	}

}
