package app.kindred.recruitment.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import app.kindred.programme.ProgrammeSettingsChanged;
import app.kindred.recruitment.RecruitmentRole;

/**
 * The seat pools follow the programme's seat numbers: added seats promote from the
 * waiting list at once.
 */
@Component
class ProgrammeFollower {

	private final SeatAllocator allocator;

	ProgrammeFollower(SeatAllocator allocator) {
		this.allocator = allocator;
	}

	@ApplicationModuleListener
	void on(ProgrammeSettingsChanged event) {
		allocator.resize(event.programme(), RecruitmentRole.MENTOR, event.mentorSeats());
		allocator.resize(event.programme(), RecruitmentRole.PARTICIPANT, event.participantSeats());
	}

}
