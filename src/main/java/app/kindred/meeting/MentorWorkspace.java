package app.kindred.meeting;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.identity.AccountId;
import app.kindred.meeting.internal.StaffAttentionService;
import app.kindred.meeting.internal.WorkspaceService;
import app.kindred.programme.ProgrammeId;

/**
 * What a group's mentors record in their workspace, for callers outside the meeting
 * module: the demo data records the meetings its groups held. The workspace's own rules
 * apply, as on its pages: only the group's mentors write, and attendance and debriefs
 * belong to meetings that have started.
 */
@Service
public class MentorWorkspace {

	private final WorkspaceService workspaces;

	private final StaffAttentionService attention;

	MentorWorkspace(WorkspaceService workspaces, StaffAttentionService attention) {
		this.workspaces = workspaces;
		this.attention = attention;
	}

	/** The group's meetings by number, as its mentor sees them; empty until made. */
	@Transactional(readOnly = true)
	public List<Meeting> meetings(ProgrammeId id, UUID group, AccountId mentor) {
		return workspaces.workspace(id, group, mentor).schedule().meetings();
	}

	/** Records who came: the people in {@code present}, and nobody else of the group. */
	public void recordAttendance(ProgrammeId id, UUID group, UUID meeting, Set<AccountId> present, AccountId mentor) {
		workspaces.saveAttendance(id, group, meeting, present, mentor);
	}

	/**
	 * Writes the meeting's debrief over what is there, as a mentor who has read the
	 * latest version does.
	 */
	@Transactional
	public void writeDebrief(ProgrammeId id, UUID group, UUID meeting, String text, AccountId mentor) {
		var seen = workspaces.meeting(id, group, meeting, mentor).debrief().version();
		workspaces.saveDebrief(id, group, meeting, text, seen, mentor);
	}

	/**
	 * The first or last name of a participant of the group that the text names, by the
	 * rule that refuses a debrief naming someone: for the group's mentors' other writing
	 * (their course diary), which keeps the same promise.
	 */
	public Optional<String> participantNamedIn(ProgrammeId id, UUID group, String text, AccountId mentor) {
		return workspaces.participantNamedIn(id, group, text, mentor);
	}

	/**
	 * Asks the programme's staff for attention to the group.
	 * @return false when the group's request was open already
	 */
	public boolean askForAttention(ProgrammeId id, UUID group, String note, AccountId mentor) {
		return attention.raise(id, group, note, mentor);
	}

}
