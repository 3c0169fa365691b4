package app.kindred.meeting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.RecruitmentRole;

/**
 * How a programme's groups are doing, for its coordinators: meetings held of those
 * planned, attendance per meeting and per person, and the groups asking for staff
 * attention. Counts only: nothing the mentors wrote is shown here.
 */
@Service
public class GroupProgress {

	/** What became of one meeting, as far as attendance goes. */
	public enum State {

		UPCOMING, CANCELLED, NOT_TAKEN, TAKEN

	}

	/**
	 * One meeting of a group: with attendance taken, how many of those on the list came.
	 */
	public record MeetingCell(Meeting meeting, State state, long present, int listed) {
	}

	/**
	 * Someone in the group (by name and address, as namesakes differ in it) and how many
	 * held meetings they came to.
	 */
	public record PersonRow(String name, String email, RecruitmentRole role, int attended) {
	}

	/**
	 * One group: meetings planned (not cancelled), held (started and not cancelled) and
	 * cancelled, each meeting's attendance, each person's, and since when it asks for
	 * staff attention (null when it does not).
	 */
	public record GroupRow(PublishedGroups.Group group, int planned, int held, int cancelled, int notTaken,
			List<MeetingCell> meetings, List<PersonRow> people, Instant attentionSince) {

		public boolean needsAttention() {
			return attentionSince != null;
		}
	}

	public record Overview(ProgrammeView programme, boolean published, List<GroupRow> groups) {

		public int held() {
			return groups.stream().mapToInt(GroupRow::held).sum();
		}

		public int planned() {
			return groups.stream().mapToInt(GroupRow::planned).sum();
		}

		public List<GroupRow> flagged() {
			return groups.stream().filter(GroupRow::needsAttention).toList();
		}
	}

	private final Meetings meetings;

	private final MeetingStore meetingStore;

	private final WorkspaceStore store;

	private final PublishedGroups groups;

	private final Accounts accounts;

	private final Clock clock;

	GroupProgress(Meetings meetings, MeetingStore meetingStore, WorkspaceStore store, PublishedGroups groups,
			Accounts accounts, Clock clock) {
		this.meetings = meetings;
		this.meetingStore = meetingStore;
		this.store = store;
		this.groups = groups;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * The programme's progress: its coordinators only (other staff 403, anyone else 404).
	 */
	@Transactional(readOnly = true)
	public Overview overview(ProgrammeId id, AccountId coordinator) {
		var programme = meetings.coordinated(id, coordinator);
		var now = clock.instant();
		var published = groups.groups(id);
		var byGroup = new HashMap<UUID, List<Meeting>>();
		meetingStore.ofProgramme(id).forEach(m -> byGroup.computeIfAbsent(m.group(), g -> new ArrayList<>()).add(m));
		var rolls = store.rolls(id);
		var flags = new HashMap<UUID, Instant>();
		store.openFlags(id).forEach(f -> flags.put(f.group(), f.raisedAt()));
		var names = accounts
			.findAll(published.stream().flatMap(g -> g.members().stream()).map(m -> m.person()).toList());
		var rows = new ArrayList<GroupRow>();
		for (var group : published) {
			var cells = new ArrayList<MeetingCell>();
			var attended = new HashMap<AccountId, Integer>();
			int held = 0;
			int cancelled = 0;
			int notTaken = 0;
			for (var m : byGroup.getOrDefault(group.id(), List.of())) {
				var roll = Optional.ofNullable(rolls.get(m.id()));
				if (m.cancelled()) {
					cancelled++;
					cells.add(new MeetingCell(m, State.CANCELLED, 0, 0));
				}
				else if (m.startsAt().isAfter(now)) {
					cells.add(new MeetingCell(m, State.UPCOMING, 0, 0));
				}
				else {
					held++;
					if (roll.isEmpty()) {
						notTaken++;
						cells.add(new MeetingCell(m, State.NOT_TAKEN, 0, 0));
					}
					else {
						var present = roll.get().present();
						present.forEach((person, came) -> {
							if (came) {
								attended.merge(person, 1, Integer::sum);
							}
						});
						cells.add(new MeetingCell(m, State.TAKEN,
								present.values().stream().filter(Boolean::booleanValue).count(), present.size()));
					}
				}
			}
			var people = new ArrayList<PersonRow>();
			group.members()
				.forEach(member -> Optional.ofNullable(names.get(member.person()))
					.ifPresent(a -> people.add(new PersonRow(a.displayName(), a.email(), member.role(),
							attended.getOrDefault(member.person(), 0)))));
			people.sort(Comparator.comparing(PersonRow::role)
				.thenComparing(PersonRow::name, String.CASE_INSENSITIVE_ORDER)
				.thenComparing(PersonRow::email));
			rows.add(new GroupRow(group, cells.size() - cancelled, held, cancelled, notTaken, List.copyOf(cells),
					List.copyOf(people), flags.get(group.id())));
		}
		return new Overview(programme, !published.isEmpty(), List.copyOf(rows));
	}

}
