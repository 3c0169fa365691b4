package app.kindred.meeting.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Forbidden;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountSummary;
import app.kindred.identity.Accounts;
import app.kindred.meeting.Meeting;
import app.kindred.meeting.MeetingAttendance;
import app.kindred.programme.MeetingTheme;
import app.kindred.programme.MeetingVariant;
import app.kindred.programme.MentorMeeting;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeView;
import app.kindred.programme.SessionPlanService;
import app.kindred.recruitment.RecruitmentRole;

/**
 * The mentor pair's workspace of one group: the meetings with their full plans, shared
 * planning notes, attendance, a short debrief after each meeting, and the "needs staff
 * attention" flag ({@link StaffAttentionService} raises and resolves it). The group's
 * mentors read and write it; the programme's coordinators read it; other staff get a 403
 * and everyone else a 404, as for changing the group's meetings.
 */
@Service
public class WorkspaceService {

	/**
	 * Planning notes are for planning: long enough for a meeting's plan, not for minutes.
	 */
	public static final int NOTES_MAX = 4000;

	/** A debrief is short on purpose: how it went for the mentors, not what was said. */
	public static final int DEBRIEF_MAX = 1000;

	/**
	 * Someone in the group, as the group's mentors and staff see them: the e-mail address
	 * (which tells namesakes apart) only for staff, null for mentors, who know the
	 * members by name and role as their group page shows them.
	 */
	public record Person(AccountId id, String name, String email, RecruitmentRole role) {

		public boolean mentor() {
			return role == RecruitmentRole.MENTOR;
		}
	}

	/** A saved text with who saved it last; version 0 when nothing is saved yet. */
	public record Writing(String text, int version, String editedBy, Instant editedAt) {

		static final Writing NONE = new Writing("", 0, null, null);

		public boolean written() {
			return !text.isBlank();
		}
	}

	/**
	 * The group's latest request for staff attention; the note is for staff and the
	 * group's mentors only.
	 */
	public record Flag(String note, String raisedBy, Instant raisedAt, String resolvedBy, Instant resolvedAt) {

		public boolean open() {
			return resolvedAt == null;
		}
	}

	/**
	 * Attendance as taken: who was on the list and whether they came, with who took it
	 * last.
	 */
	public record Roll(Map<AccountId, Boolean> present, String takenBy, Instant takenAt) {

		public long count() {
			return present.values().stream().filter(Boolean::booleanValue).count();
		}

		public boolean came(AccountId person) {
			return Boolean.TRUE.equals(present.get(person));
		}
	}

	/**
	 * One meeting in the workspace: its theme and full plan (for how this meeting meets),
	 * whether it has started, when it was first planned if it moved, and what the mentors
	 * recorded.
	 */
	public record MeetingRow(Meeting meeting, MeetingTheme theme, MentorMeeting plan, MeetingVariant variant,
			boolean started, Instant firstPlanned, Roll roll, boolean notes, boolean debrief) {

		public boolean upcoming() {
			return !meeting.cancelled() && !started;
		}

		/** Held: started and not cancelled, so attendance and a debrief belong to it. */
		public boolean held() {
			return !meeting.cancelled() && started;
		}
	}

	public record Workspace(ProgrammeView programme, MeetingService.GroupSchedule schedule, boolean mentor,
			List<Person> members, List<MeetingRow> meetings, Flag flag) {

		public List<MeetingRow> upcoming() {
			return meetings.stream().filter(MeetingRow::upcoming).toList();
		}
	}

	public record MeetingPage(ProgrammeView programme, MeetingService.GroupSchedule schedule, boolean mentor,
			MeetingRow row, List<Person> members, Writing notes, Writing debrief) {

		/** The names of the group's participants, which its debrief must not contain. */
		public List<String> participantNames() {
			return members.stream().filter(p -> !p.mentor()).map(Person::name).toList();
		}
	}

	private final MeetingService meetings;

	private final MeetingStore meetingStore;

	private final WorkspaceStore store;

	private final AttentionStore attention;

	private final SessionPlanService plans;

	private final Accounts accounts;

	private final Clock clock;

	WorkspaceService(MeetingService meetings, MeetingStore meetingStore, WorkspaceStore store, AttentionStore attention,
			SessionPlanService plans, Accounts accounts, Clock clock) {
		this.meetings = meetings;
		this.meetingStore = meetingStore;
		this.store = store;
		this.attention = attention;
		this.plans = plans;
		this.accounts = accounts;
		this.clock = clock;
	}

	// Reading

	@Transactional(readOnly = true)
	public Workspace workspace(ProgrammeId id, UUID group, AccountId viewer) {
		var access = meetings.groupToChange(id, group, viewer);
		var schedule = access.group();
		var people = people(schedule, access.coordinator());
		var rows = rows(access.programme(), schedule);
		return new Workspace(access.programme(), schedule, !access.coordinator(), people.members(), rows,
				attention.latestFlag(group).map(f -> flag(f, people.names())).orElse(null));
	}

	@Transactional(readOnly = true)
	public MeetingPage meeting(ProgrammeId id, UUID group, UUID meeting, AccountId viewer) {
		var access = meetings.groupToChange(id, group, viewer);
		var schedule = access.group();
		var row = rows(access.programme(), schedule).stream()
			.filter(r -> r.meeting().id().equals(meeting))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("meeting"));
		var people = people(schedule, access.coordinator());
		return new MeetingPage(access.programme(), schedule, !access.coordinator(), row, people.members(),
				writing(meeting, WorkspaceStore.Kind.PLANNING, people.names()),
				writing(meeting, WorkspaceStore.Kind.DEBRIEF, people.names()));
	}

	// Writing, by the group's mentors

	/**
	 * Saves the shared planning notes, unless the co-mentor saved since
	 * {@code seenVersion} (then nothing changes, and the caller shows both texts). Notes
	 * may be written at any time, even for a cancelled meeting.
	 * @return false when the text is what was saved already
	 */
	@Transactional
	public boolean saveNotes(ProgrammeId id, UUID group, UUID meeting, String text, int seenVersion, AccountId mentor) {
		var locked = lockedMeetingOfMentor(id, group, meeting, mentor);
		return write(locked, WorkspaceStore.Kind.PLANNING, text, seenVersion, mentor);
	}

	/**
	 * Saves the debrief of a meeting that has started and is not cancelled. A text naming
	 * a participant of the group is refused: what is said in a group, and who said it, is
	 * never stored. The page's form tells the name it found ({@link DebriefNames}); this
	 * is the rule itself.
	 */
	@Transactional
	public boolean saveDebrief(ProgrammeId id, UUID group, UUID meeting, String text, int seenVersion,
			AccountId mentor) {
		var locked = lockedMeetingOfMentor(id, group, meeting, mentor);
		held(locked.meeting());
		if (namedParticipant(text, locked.group()).isPresent()) {
			throw Refused.invalid("text", "meeting.workspace.debrief.namesSomeone");
		}
		return write(locked, WorkspaceStore.Kind.DEBRIEF, text, seenVersion, mentor);
	}

	/**
	 * Records who came to a meeting that has started and is not cancelled: the ticked
	 * people came, everyone else in the group did not. Anyone ticked who is not in the
	 * group is refused, and nothing changes.
	 */
	@Transactional
	public void saveAttendance(ProgrammeId id, UUID group, UUID meeting, Set<AccountId> present, AccountId mentor) {
		var locked = lockedMeetingOfMentor(id, group, meeting, mentor);
		held(locked.meeting());
		var members = locked.group().group().members();
		if (present.stream().anyMatch(p -> members.stream().noneMatch(m -> m.person().equals(p)))) {
			throw Refused.invalid("present", "meeting.workspace.attendance.notInGroup");
		}
		var roll = new LinkedHashMap<AccountId, Boolean>();
		members.forEach(m -> roll.put(m.person(), present.contains(m.person())));
		store.saveRoll(meeting, id, roll, mentor, clock.instant());
	}

	/**
	 * The programme's held meetings of the given groups, and any other whose roll names
	 * the person, by start, with whether its roll has them present
	 * ({@link MeetingAttendance}).
	 */
	@Transactional(readOnly = true)
	public List<MeetingAttendance.Held> heldWith(ProgrammeId id, AccountId person, Set<UUID> groups) {
		return heldWith(id, Map.of(person, groups)).get(person);
	}

	/**
	 * As {@link #heldWith(ProgrammeId, AccountId, Set)} for each person with their
	 * groups, reading the programme's meetings and rolls once.
	 */
	@Transactional(readOnly = true)
	public Map<AccountId, List<MeetingAttendance.Held>> heldWith(ProgrammeId id, Map<AccountId, Set<UUID>> groups) {
		var rolls = store.rolls(id);
		var now = clock.instant();
		var held = meetingStore.ofProgramme(id)
			.stream()
			.filter(m -> !m.cancelled() && !m.startsAt().isAfter(now))
			.sorted(Comparator.comparing(Meeting::startsAt))
			.toList();
		var each = new HashMap<AccountId, List<MeetingAttendance.Held>>();
		groups.forEach((person, own) -> each.put(person,
				held.stream()
					.filter(m -> own.contains(m.group())
							|| (rolls.containsKey(m.id()) && rolls.get(m.id()).present().containsKey(person)))
					.map(m -> new MeetingAttendance.Held(m, rolls.containsKey(m.id()),
							rolls.containsKey(m.id()) && Boolean.TRUE.equals(rolls.get(m.id()).present().get(person))))
					.toList()));
		return each;
	}

	// Helpers

	private record Locked(MeetingService.GroupSchedule group, Meeting meeting) {
	}

	/**
	 * The meeting of this group, locked until the transaction ends; only the group's
	 * mentors write.
	 */
	private Locked lockedMeetingOfMentor(ProgrammeId id, UUID group, UUID meeting, AccountId mentor) {
		var access = meetings.groupToChange(id, group, mentor);
		if (access.coordinator()) {
			throw new Forbidden("the group's mentors write the workspace");
		}
		var locked = meetingStore.lock(meeting)
			.filter(m -> m.group().equals(group) && m.programme().equals(id))
			.orElseThrow(() -> new NotFoundException("meeting"));
		return new Locked(access.group(), locked);
	}

	private void held(Meeting meeting) {
		if (meeting.cancelled()) {
			throw Refused.conflict("meeting.workspace.refused.CANCELLED");
		}
		if (meeting.startsAt().isAfter(clock.instant())) {
			throw Refused.conflict("meeting.workspace.refused.NOT_STARTED");
		}
	}

	private boolean write(Locked locked, WorkspaceStore.Kind kind, String text, int seenVersion, AccountId mentor) {
		var max = kind == WorkspaceStore.Kind.PLANNING ? NOTES_MAX : DEBRIEF_MAX;
		var value = text == null ? "" : text.strip();
		if (value.length() > max) {
			throw new IllegalArgumentException("text too long");
		}
		var current = store.writing(locked.meeting().id(), kind);
		int version = current.map(WorkspaceStore.Writing::version).orElse(0);
		if (version != seenVersion) {
			throw Refused.conflict("meeting.workspace.refused.CHANGED_MEANWHILE");
		}
		if (current.map(WorkspaceStore.Writing::text).orElse("").equals(value)) {
			return false;
		}
		store.write(locked.meeting().id(), kind, value, version + 1, mentor, clock.instant());
		return true;
	}

	/**
	 * The participant of the group whose name the text names, as a debrief's rule finds
	 * it, for other writing of the group's mentors (their course diary). Only the group's
	 * mentors and the programme's coordinators may ask; anyone else gets a 404.
	 */
	@Transactional(readOnly = true)
	public Optional<String> participantNamedIn(ProgrammeId id, UUID group, String text, AccountId mentor) {
		return namedParticipant(text, meetings.groupToChange(id, group, mentor).group());
	}

	/** The participant of the group that the text names, if any. */
	private Optional<String> namedParticipant(String text, MeetingService.GroupSchedule group) {
		var participants = group.group()
			.members()
			.stream()
			.filter(m -> m.role() == RecruitmentRole.PARTICIPANT)
			.map(m -> m.person())
			.toList();
		return DebriefNames.firstIn(text,
				accounts.findAll(participants).values().stream().map(AccountSummary::displayName).toList());
	}

	private record People(List<Person> members, Map<AccountId, String> names) {
	}

	/**
	 * The group's members by role and name (with their addresses for staff), and the
	 * names of anyone else who may appear as an editor (staff).
	 */
	private People people(MeetingService.GroupSchedule schedule, boolean staff) {
		var group = schedule.group();
		var found = accounts.findAll(group.members().stream().map(m -> m.person()).toList());
		var members = new ArrayList<Person>();
		group.members()
			.forEach(m -> Optional.ofNullable(found.get(m.person()))
				.ifPresent(
						a -> members.add(new Person(m.person(), a.displayName(), staff ? a.email() : null, m.role()))));
		members.sort(Comparator.comparing(Person::role)
			.thenComparing(Person::name, String.CASE_INSENSITIVE_ORDER)
			.thenComparing(p -> p.id().value()));
		var names = new HashMap<AccountId, String>();
		found.forEach((accountId, summary) -> names.put(accountId, summary.displayName()));
		return new People(List.copyOf(members), names);
	}

	private List<MeetingRow> rows(ProgrammeView programme, MeetingService.GroupSchedule schedule) {
		var group = schedule.group();
		var now = clock.instant();
		var byVariant = new HashMap<MeetingVariant, Map<Integer, MentorMeeting>>();
		var written = store.written(group.id());
		var rolls = store.rolls(group.id());
		var moved = meetingStore.firstStarts(group.id());
		var names = new HashMap<AccountId, String>();
		var rows = new ArrayList<MeetingRow>();
		for (var m : schedule.meetings()) {
			var variant = m.place().remote() ? MeetingVariant.REMOTE : MeetingVariant.ON_CAMPUS;
			var plan = byVariant.computeIfAbsent(variant, v -> {
				var byNumber = new HashMap<Integer, MentorMeeting>();
				plans.forMentors(programme.id(), group.language(), v).forEach(p -> byNumber.put(p.number(), p));
				return byNumber;
			}).get(m.number());
			var kinds = written.getOrDefault(m.id(), List.of());
			var roll = Optional.ofNullable(rolls.get(m.id()))
				.map(r -> new Roll(r.present(), names.computeIfAbsent(r.takenBy(), this::name), r.takenAt()))
				.orElse(null);
			rows.add(new MeetingRow(m, schedule.theme(m), plan, variant, !m.startsAt().isAfter(now), moved.get(m.id()),
					roll, kinds.contains(WorkspaceStore.Kind.PLANNING), kinds.contains(WorkspaceStore.Kind.DEBRIEF)));
		}
		return rows;
	}

	private Writing writing(UUID meeting, WorkspaceStore.Kind kind, Map<AccountId, String> names) {
		return store.writing(meeting, kind)
			.map(w -> new Writing(w.text(), w.version(), names.computeIfAbsent(w.editedBy(), this::name), w.editedAt()))
			.orElse(Writing.NONE);
	}

	private Flag flag(AttentionStore.Flag f, Map<AccountId, String> names) {
		return new Flag(f.note(), names.computeIfAbsent(f.raisedBy(), this::name), f.raisedAt(),
				f.resolvedBy() == null ? null : names.computeIfAbsent(f.resolvedBy(), this::name), f.resolvedAt());
	}

	/** Someone's name, or an empty one for an account that is gone. */
	private String name(AccountId id) {
		return accounts.find(id).map(AccountSummary::displayName).orElse("");
	}

}
