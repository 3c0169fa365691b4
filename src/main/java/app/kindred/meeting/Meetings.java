package app.kindred.meeting;

import java.util.List;

import org.springframework.stereotype.Service;

import app.kindred.meeting.internal.MeetingService;
import app.kindred.programme.ProgrammeId;

/**
 * The meetings of a programme's published groups, for other modules: surveys open and
 * close around the first, third and last of them. No access check: callers have made
 * theirs.
 */
@Service
public class Meetings {

	private final MeetingService meetings;

	Meetings(MeetingService meetings) {
		this.meetings = meetings;
	}

	/** Every group's meetings, cancelled ones included, by group and number. */
	public List<Meeting> ofProgramme(ProgrammeId programme) {
		return meetings.ofProgramme(programme);
	}

}
