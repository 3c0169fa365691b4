package app.kindred.recruitment;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.kindred.programme.ProgrammeSettingsChanged;

/** Added seats promote from the waiting list at once. */
@Component
class SeatChanges {

	private final SeatAllocator allocator;

	SeatChanges(SeatAllocator allocator) {
		this.allocator = allocator;
	}

	@ApplicationModuleListener
	void on(ProgrammeSettingsChanged event) {
		allocator.resize(event.programme().value(), RecruitmentRole.MENTOR, event.mentorSeats());
		allocator.resize(event.programme().value(), RecruitmentRole.PARTICIPANT, event.participantSeats());
	}

}
