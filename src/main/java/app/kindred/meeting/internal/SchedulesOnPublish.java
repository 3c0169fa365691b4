package app.kindred.meeting.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.kindred.grouping.GroupsPublished;

/**
 * Makes each group's meetings once the coordinator publishes the groups. The event
 * publication registry delivers the event again after a crash; groups that already have
 * meetings are skipped, and the unique (group, number) key stops two deliveries at once
 * from making them twice.
 */
@Component
class SchedulesOnPublish {

	private final MeetingService meetings;

	SchedulesOnPublish(MeetingService meetings) {
		this.meetings = meetings;
	}

	@ApplicationModuleListener
	void on(GroupsPublished event) {
		meetings.scheduleGroups(event.programme());
	}

}
