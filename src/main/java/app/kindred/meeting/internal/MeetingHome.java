package app.kindred.meeting.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.core.HomeContributor;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.meeting.Meeting;
import app.kindred.programme.MeetingTheme;
import app.kindred.programme.ProgrammeAccess;

/**
 * Meetings' part of Home: a member's next meeting with its place or link and its theme,
 * and for mentors their workspace and an open request for staff attention; for
 * coordinators the meetings held, the groups asking for attention and meetings whose
 * attendance is still missing a week after.
 */
@Component
class MeetingHome implements HomeContributor {

	/**
	 * How long mentors have to take attendance before their coordinators are asked to
	 * look.
	 */
	static final Duration ATTENDANCE_DUE = Duration.ofDays(7);

	private final MeetingService meetings;

	private final GroupProgressService progress;

	private final PublishedGroups groups;

	private final AttentionStore attention;

	private final ProgrammeAccess access;

	MeetingHome(MeetingService meetings, GroupProgressService progress, PublishedGroups groups,
			AttentionStore attention, ProgrammeAccess access) {
		this.meetings = meetings;
		this.progress = progress;
		this.groups = groups;
		this.attention = attention;
		this.access = access;
	}

	/**
	 * A member's meetings: the next one (null when none is left), its theme, how many are
	 * held of all; for mentors whether they asked for staff attention.
	 */
	record Mine(UUID programme, UUID group, boolean mentor, Meeting next, MeetingTheme theme, int held, int planned,
			boolean attentionOpen) {

		public String link() {
			return "/programmes/" + programme + "/my-meetings";
		}

		public String workspace() {
			return "/programmes/" + programme + "/groups/" + group + "/workspace";
		}

		/** The next meeting's full plan, notes and attendance in the workspace. */
		public String plan() {
			return workspace() + "/meetings/" + next.id();
		}

	}

	/** A programme's meetings as its coordinators see them on Home. */
	record Overview(UUID programme, int held, int planned, int groups) {

		public String link() {
			return "/programmes/" + programme + "/progress";
		}

	}

	@Override
	public List<Part> parts(Viewer viewer) {
		var account = new AccountId(viewer.account());
		var parts = new ArrayList<Part>();
		for (var group : groups.groupsOf(account)) {
			var mine = meetings.mine(group.programme(), account);
			var schedule = mine.group();
			var held = schedule.meetings().stream().filter(m -> !m.cancelled()).toList();
			var next = held.stream()
				.filter(m -> m.endsAt().isAfter(viewer.now()))
				.min(Comparator.comparing(Meeting::startsAt))
				.orElse(null);
			var data = new Mine(group.programme().value(), group.id(), mine.mentor(), next,
					next == null ? null : schedule.theme(next),
					(int) held.stream().filter(m -> !m.startsAt().isAfter(viewer.now())).count(), held.size(),
					mine.mentor() && attention.latestFlag(group.id()).filter(AttentionStore.Flag::open).isPresent());
			parts.add(Part.of(group.programme().value(), mine.mentor() ? Role.MENTOR : Role.PARTICIPANT, 40,
					"meeting/home", "member", data));
		}
		for (var programme : access.coordinatedBy(account)) {
			var overview = progress.overview(programme.id(), account);
			if (!overview.published()) {
				continue;
			}
			var data = new Overview(programme.id().value(), overview.held(), overview.planned(),
					overview.groups().size());
			var tasks = new ArrayList<Task>();
			overview.flagged()
				.forEach(g -> tasks.add(Task.of("home.meeting.attention", data.link(), g.group().number())));
			overview.groups()
				.forEach(g -> g.meetings()
					.stream()
					.filter(c -> c.state() == GroupProgressService.State.NOT_TAKEN
							&& c.meeting().startsAt().plus(ATTENDANCE_DUE).isBefore(viewer.now()))
					.forEach(c -> tasks.add(Task.of("home.meeting.attendance", data.link(), g.group().number(),
							c.meeting().number()))));
			var part = Part.of(data.programme(), Role.COORDINATOR, 40, "meeting/home", "coordinator", data)
				.needing(tasks);
			boolean allHeld = data.planned() > 0 && data.held() == data.planned();
			parts.add(allHeld ? part.reached(Phase.CLOSING) : part);
		}
		return parts;
	}

}
