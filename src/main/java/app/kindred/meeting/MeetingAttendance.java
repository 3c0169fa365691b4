package app.kindred.meeting;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.meeting.internal.WorkspaceService;
import app.kindred.programme.ProgrammeId;

/**
 * The meetings a person's group held, with whether the roll the mentors took had them
 * present, for callers outside the meeting module (the credit course counts a mentor's
 * hours in the group from it). Held means started and not cancelled, as in the workspace.
 * Nothing here checks who asks: callers decide that.
 */
@Service
public class MeetingAttendance {

	/**
	 * A held meeting of the person's group: {@code rollTaken} once the mentors took
	 * attendance, {@code present} when that roll has the person there.
	 */
	public record Held(Meeting meeting, boolean rollTaken, boolean present) {
	}

	private final WorkspaceService workspaces;

	private final PublishedGroups groups;

	MeetingAttendance(WorkspaceService workspaces, PublishedGroups groups) {
		this.workspaces = workspaces;
		this.groups = groups;
	}

	/**
	 * The held meetings of the person's group in the programme, by start, and any other
	 * meeting whose roll names them (a group they were moved out of).
	 */
	@Transactional(readOnly = true)
	public List<Held> heldWith(ProgrammeId id, AccountId person) {
		Set<UUID> own = groups.groupsOf(person)
			.stream()
			.filter(g -> g.programme().equals(id))
			.map(PublishedGroups.Group::id)
			.collect(Collectors.toSet());
		return workspaces.heldWith(id, person, own);
	}

	/**
	 * As {@link #heldWith} for each of these people, reading the programme's groups,
	 * meetings and rolls once: the certificates page lists every mentor.
	 */
	@Transactional(readOnly = true)
	public Map<AccountId, List<Held>> heldWithEach(ProgrammeId id, Collection<AccountId> people) {
		var own = new HashMap<AccountId, Set<UUID>>();
		people.forEach(p -> own.put(p, new HashSet<>()));
		for (var group : groups.groups(id)) {
			group.members()
				.stream()
				.filter(m -> own.containsKey(m.person()))
				.forEach(m -> own.get(m.person()).add(group.id()));
		}
		return workspaces.heldWith(id, own);
	}

}
