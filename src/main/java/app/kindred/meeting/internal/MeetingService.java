package app.kindred.meeting.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.core.web.Dates;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountId;
import app.kindred.meeting.Meeting;
import app.kindred.meeting.MeetingCancelled;
import app.kindred.meeting.MeetingPlaceChanged;
import app.kindred.meeting.MeetingRescheduled;
import app.kindred.meeting.Place;
import app.kindred.programme.MeetingTheme;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;
import app.kindred.programme.SessionPlanService;
import app.kindred.recruitment.Call;

/**
 * The meetings of a programme's published groups. Coordinators see every group's schedule
 * and set the programme's breaks; a group's mentors and the coordinators reschedule or
 * cancel a meeting, or change where one meeting or the whole group meets, and every
 * member of the group is told; members see their own group's meetings. Anyone else asking
 * for a group's meetings gets a 404.
 */
@Service
public class MeetingService {

	private static final Logger log = LoggerFactory.getLogger(MeetingService.class);

	/**
	 * One group with its place, its meetings by number, and the theme of each meeting in
	 * the group's language.
	 */
	public record GroupSchedule(PublishedGroups.Group group, Call.Slot slot, Place place, List<Meeting> meetings,
			Map<Integer, MeetingTheme> themes) {

		/**
		 * The meeting's theme from the programme's plan, or null for a meeting beyond the
		 * plan.
		 */
		public MeetingTheme theme(Meeting meeting) {
			return themes.get(meeting.number());
		}
	}

	/**
	 * The coordinator's page: the breaks, and every group's meetings once the groups are
	 * published.
	 */
	public record Overview(ProgrammeView programme, boolean published, List<MeetingBreak> breaks,
			List<GroupSchedule> groups) {
	}

	/**
	 * A meeting someone may change, with its group; {@code coordinator} when they change
	 * it as coordinator.
	 */
	public record MeetingChange(ProgrammeView programme, GroupSchedule group, Meeting meeting, boolean coordinator) {
	}

	/** A group whose place someone may change. */
	public record GroupChange(ProgrammeView programme, GroupSchedule group, boolean coordinator) {
	}

	/** A member's own group and its meetings; mentors may change them. */
	public record Mine(ProgrammeView programme, GroupSchedule group, boolean mentor) {
	}

	private final MeetingStore store;

	private final PublishedGroups groups;

	private final ProgrammeService programmes;

	private final ProgrammeAccess access;

	private final SessionPlanService plans;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	MeetingService(MeetingStore store, PublishedGroups groups, ProgrammeService programmes, ProgrammeAccess access,
			SessionPlanService plans, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.groups = groups;
		this.programmes = programmes;
		this.access = access;
		this.plans = plans;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Every meeting of the programme's published groups, cancelled ones included, by
	 * group and number: for other modules' queries (when surveys open), with no access
	 * check.
	 */
	@Transactional(readOnly = true)
	public List<Meeting> ofProgramme(ProgrammeId id) {
		return store.ofProgramme(id);
	}

	// The coordinator's view

	@Transactional(readOnly = true)
	public Overview overview(ProgrammeId id, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		var published = groups.groups(id);
		var meetings = new HashMap<UUID, List<Meeting>>();
		store.ofProgramme(id).forEach(m -> meetings.computeIfAbsent(m.group(), g -> new ArrayList<>()).add(m));
		var themes = new HashMap<Language, Map<Integer, MeetingTheme>>();
		var schedules = published.stream()
			.map(g -> schedule(g, meetings.getOrDefault(g.id(), List.of()),
					themes.computeIfAbsent(g.language(), l -> themes(id, l))))
			.toList();
		return new Overview(programme, !published.isEmpty(), store.breaks(id), schedules);
	}

	@Transactional
	public void addBreak(ProgrammeId id, LocalDate firstDay, LocalDate lastDay, AccountId coordinator) {
		access.coordinated(id, coordinator);
		if (lastDay.isBefore(firstDay)) {
			throw new IllegalArgumentException("a break ends on or after its first day");
		}
		store.insertBreak(id, firstDay, lastDay, coordinator, clock.instant());
	}

	@Transactional
	public void removeBreak(ProgrammeId id, UUID breakId, AccountId coordinator) {
		access.coordinated(id, coordinator);
		if (!store.deleteBreak(id, breakId)) {
			throw new NotFoundException("break");
		}
	}

	// Changes, by the group's mentors or the programme's coordinators

	@Transactional(readOnly = true)
	public MeetingChange meetingToChange(ProgrammeId id, UUID meeting, AccountId user) {
		var current = meeting(id, meeting);
		var allowed = changer(id, current.group(), user);
		return new MeetingChange(allowed.programme(), schedule(allowed.programme(), allowed.group()), current,
				allowed.coordinator());
	}

	@Transactional(readOnly = true)
	public GroupChange groupToChange(ProgrammeId id, UUID group, AccountId user) {
		var allowed = changer(id, group, user);
		return new GroupChange(allowed.programme(), schedule(allowed.programme(), allowed.group()),
				allowed.coordinator());
	}

	/**
	 * How many people rescheduling would tell, for the person to confirm: refused as
	 * {@link #reschedule} would be, 0 when the time and length are the same, and nothing
	 * changes.
	 */
	@Transactional(readOnly = true)
	public int toBeToldOfReschedule(ProgrammeId id, UUID meeting, Instant startsAt, int minutes, AccountId user) {
		var current = meeting(id, meeting);
		var allowed = changer(id, current.group(), user);
		return rescheduling(open(current), startsAt, minutes) ? told(allowed.group()).size() : 0;
	}

	/**
	 * Moves a meeting to another time and length, and tells every member with an updated
	 * calendar entry. Only before it starts, and only to a time to come; the same time
	 * and length change nothing and tell nobody.
	 */
	@Transactional
	public boolean reschedule(ProgrammeId id, UUID meeting, Instant startsAt, int minutes, AccountId user) {
		var allowed = changer(id, meeting(id, meeting).group(), user);
		var current = changeable(meeting);
		if (!rescheduling(current, startsAt, minutes)) {
			return false;
		}
		store.reschedule(meeting, MeetingStore.at(startsAt).toInstant(), minutes, clock.instant());
		var changed = store.find(meeting).orElseThrow();
		tell(allowed.group(), member -> new MeetingRescheduled(changed, current.startsAt(), member));
		return true;
	}

	/** Whether the new time changes the meeting; refused for a time not to come. */
	private boolean rescheduling(Meeting current, Instant startsAt, int minutes) {
		if (!startsAt.isAfter(clock.instant())) {
			throw Refused.invalid("startsAt", "meeting.refused.PAST");
		}
		var start = MeetingStore.at(startsAt).toInstant();
		return !current.startsAt().equals(start) || current.minutes() != minutes;
	}

	/**
	 * How many people cancelling would tell, for the person to confirm: refused as
	 * {@link #cancel} would be, 0 when it is cancelled already, and nothing changes.
	 */
	@Transactional(readOnly = true)
	public int toBeToldOfCancel(ProgrammeId id, UUID meeting, AccountId user) {
		var current = meeting(id, meeting);
		var allowed = changer(id, current.group(), user);
		return cancelling(current) ? told(allowed.group()).size() : 0;
	}

	/**
	 * Cancels a meeting before it starts and tells every member; cancelling twice tells
	 * nobody again.
	 */
	@Transactional
	public boolean cancel(ProgrammeId id, UUID meeting, AccountId user) {
		var allowed = changer(id, meeting(id, meeting).group(), user);
		var current = store.lock(meeting).orElseThrow(() -> new NotFoundException("meeting"));
		if (!cancelling(current)) {
			return false;
		}
		store.cancel(meeting, clock.instant());
		var cancelled = store.find(meeting).orElseThrow();
		tell(allowed.group(), member -> new MeetingCancelled(cancelled, member));
		return true;
	}

	/**
	 * Whether cancelling changes the meeting (not when cancelled already); refused once
	 * it has started.
	 */
	private boolean cancelling(Meeting current) {
		if (current.cancelled()) {
			return false;
		}
		if (!current.startsAt().isAfter(clock.instant())) {
			throw Refused.conflict("meeting.refused.STARTED");
		}
		return true;
	}

	/**
	 * How many people changing one meeting's place would tell, for the person to confirm:
	 * refused as {@link #changePlace} would be, 0 when the meeting stays where it is, and
	 * nothing changes.
	 */
	@Transactional(readOnly = true)
	public int toBeToldOfPlace(ProgrammeId id, UUID meeting, Place place, AccountId user) {
		var current = open(meeting(id, meeting));
		var allowed = changer(id, current.group(), user);
		return nextPlace(current, place).equals(current.place()) ? 0 : told(allowed.group()).size();
	}

	/**
	 * Sets where one meeting is, or ({@code place} null) has it follow the group's place
	 * again; members are told.
	 */
	@Transactional
	public boolean changePlace(ProgrammeId id, UUID meeting, Place place, AccountId user) {
		var allowed = changer(id, meeting(id, meeting).group(), user);
		var current = changeable(meeting);
		boolean own = place != null;
		var next = nextPlace(current, place);
		if (next.equals(current.place()) && own == current.ownPlace()) {
			return false;
		}
		store.changePlace(meeting, next, own, clock.instant());
		if (next.equals(current.place())) {
			return true; // the same place, only no longer the meeting's own: nothing for
							// calendars
		}
		var changed = store.find(meeting).orElseThrow();
		tell(allowed.group(), member -> new MeetingPlaceChanged(List.of(changed), next, member));
		return true;
	}

	/** Where the meeting will be: its own place, or ({@code place} null) the group's. */
	private Place nextPlace(Meeting current, Place place) {
		return place != null ? place : store.venue(current.group()).orElse(Place.NONE);
	}

	/**
	 * What changing the group's place would do, for the person to confirm: how many of
	 * its meetings move, and how many people are told (nobody when none moves).
	 */
	public record GroupPlaceChange(int moving, int told) {
	}

	@Transactional(readOnly = true)
	public GroupPlaceChange toBeToldOfGroupPlace(ProgrammeId id, UUID group, Place place, AccountId user) {
		var allowed = changer(id, group, user);
		var now = clock.instant();
		int moving = (int) store.ofGroup(group).stream().filter(m -> movesWithGroup(m, place, now)).count();
		return new GroupPlaceChange(moving, moving == 0 ? 0 : told(allowed.group()).size());
	}

	/**
	 * Sets where the group meets: every meeting still to come that is not cancelled and
	 * has no place of its own moves there, and members are told once with all of them.
	 * Meetings that have started keep the place they had.
	 */
	@Transactional
	public int changeGroupPlace(ProgrammeId id, UUID group, Place place, AccountId user) {
		var allowed = changer(id, group, user);
		var now = clock.instant();
		if (!store.updateVenue(group, place, now)) {
			store.insertVenue(group, id, place, now);
		}
		var moved = new ArrayList<Meeting>();
		for (var each : store.ofGroup(group)) {
			// Locked and read again: a change of this one meeting at the same moment is
			// not overwritten
			var m = store.lock(each.id()).orElseThrow();
			if (movesWithGroup(m, place, now)) {
				store.changePlace(m.id(), place, false, now);
				moved.add(store.find(m.id()).orElseThrow());
			}
		}
		if (!moved.isEmpty()) {
			tell(allowed.group(), member -> new MeetingPlaceChanged(moved, place, member));
		}
		return moved.size();
	}

	/** A meeting that follows the group's place to {@code place}. */
	private static boolean movesWithGroup(Meeting m, Place place, Instant now) {
		return !m.cancelled() && !m.ownPlace() && m.startsAt().isAfter(now) && !m.place().equals(place);
	}

	// Members

	/**
	 * The person's group in this programme with its meetings; 404 for anyone not in a
	 * group of it.
	 */
	@Transactional(readOnly = true)
	public Mine mine(ProgrammeId id, AccountId member) {
		var programme = programmes.find(id).orElseThrow(() -> new NotFoundException("programme"));
		var group = groups.groupsOf(member)
			.stream()
			.filter(g -> g.programme().equals(id))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("group"));
		return new Mine(programme, schedule(programme, group), group.mentors().contains(member));
	}

	/**
	 * The others in the person's group in this programme, as they may see them: mentors
	 * see everyone, participants the mentors and, only when the programme shares its
	 * roster, the other participants by first name.
	 */
	@Transactional(readOnly = true)
	public List<PublishedGroups.Member> others(ProgrammeId id, AccountId member) {
		return groups.seenBy(id, member).map(PublishedGroups.MyGroup::members).orElse(List.of());
	}

	/**
	 * The first planned start of each of the group's meetings that moved, for the
	 * members' page.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Instant> firstStarts(UUID group) {
		return store.firstStarts(group);
	}

	/**
	 * Every meeting of every group the person is in, with the group's themes, for their
	 * calendar feed.
	 */
	@Transactional(readOnly = true)
	List<GroupSchedule> schedulesOf(AccountId person) {
		var result = new ArrayList<GroupSchedule>();
		for (var group : groups.groupsOf(person)) {
			programmes.find(group.programme()).ifPresent(p -> result.add(schedule(p, group)));
		}
		return result;
	}

	// Making the schedule when groups are published

	/**
	 * Makes the meetings of every published group of the programme that has none yet,
	 * from the programme's settings and breaks as they are now. Groups that have meetings
	 * are left alone, so a redelivered event changes nothing.
	 */
	@Transactional
	void scheduleGroups(ProgrammeId id) {
		var programme = programmes.find(id).orElse(null);
		if (programme == null) {
			return; // the programme is gone
		}
		var settings = programme.settings();
		var breaks = store.breaks(id);
		var now = clock.instant();
		for (var group : groups.groups(id)) {
			if (store.hasMeetings(group.id())) {
				continue;
			}
			var slot = Call.Slot.ofKey(group.slot());
			if (slot.isEmpty()) {
				log.warn("Group {} of programme {} has no weekly time ({}); no meetings made", group.id(), id.value(),
						group.slot());
				continue;
			}
			var place = store.venue(group.id()).orElseGet(() -> {
				var first = group.remote() ? new Place(null, null, settings.videoLink())
						: new Place(group.campus(), null, null);
				store.insertVenue(group.id(), id, first, now);
				return first;
			});
			var starts = MeetingSchedule.starts(settings.termStart(), slot.get(), settings.meetingCount(),
					settings.meetingIntervalWeeks(), breaks, zone(programme));
			for (int i = 0; i < starts.size(); i++) {
				store.insert(new Meeting(UUID.randomUUID(), id, group.id(), i + 1, starts.get(i),
						settings.meetingMinutes(), place, false, 0, false), now);
			}
		}
	}

	/** The organisation's zone, in which meetings are planned and times are typed. */
	public static ZoneId zone(ProgrammeView programme) {
		return programme.zone() == null ? Dates.DEFAULT_ZONE : programme.zone();
	}

	// Helpers

	private record Changer(ProgrammeView programme, PublishedGroups.Group group, boolean coordinator) {
	}

	/**
	 * Who may change a group's meetings: its mentors, and the programme's coordinators.
	 * Other staff get a 403, and everyone else a 404, as if the group did not exist.
	 */
	private Changer changer(ProgrammeId id, UUID groupId, AccountId user) {
		var programme = programmes.find(id).orElseThrow(() -> new NotFoundException("programme"));
		var group = groups.group(groupId)
			.filter(g -> g.programme().equals(id))
			.orElseThrow(() -> new NotFoundException("group"));
		return new Changer(programme, group,
				access.coordinatedUnlessLeading(programme, group.mentors().contains(user), user));
	}

	private Meeting meeting(ProgrammeId id, UUID meeting) {
		return store.find(meeting)
			.filter(m -> m.programme().equals(id))
			.orElseThrow(() -> new NotFoundException("meeting"));
	}

	/** The meeting locked for a change, which it must still be open to. */
	private Meeting changeable(UUID meeting) {
		return open(store.lock(meeting).orElseThrow(() -> new NotFoundException("meeting")));
	}

	/** The meeting, refused when it is cancelled or has started. */
	private Meeting open(Meeting current) {
		if (current.cancelled()) {
			throw Refused.conflict("meeting.refused.CANCELLED");
		}
		if (!current.startsAt().isAfter(clock.instant())) {
			throw Refused.conflict("meeting.refused.STARTED");
		}
		return current;
	}

	private GroupSchedule schedule(ProgrammeView programme, PublishedGroups.Group group) {
		return schedule(group, store.ofGroup(group.id()), themes(programme.id(), group.language()));
	}

	private GroupSchedule schedule(PublishedGroups.Group group, List<Meeting> meetings,
			Map<Integer, MeetingTheme> themes) {
		return new GroupSchedule(group, Call.Slot.ofKey(group.slot()).orElse(null),
				store.venue(group.id()).orElse(Place.NONE), List.copyOf(meetings), themes);
	}

	private Map<Integer, MeetingTheme> themes(ProgrammeId id, Language language) {
		var themes = new HashMap<Integer, MeetingTheme>();
		plans.forParticipants(id, language).forEach(t -> themes.put(t.number(), t));
		return themes;
	}

	/**
	 * Everyone a change of the group's meetings tells, one mail each: what the
	 * confirmations count, and whom {@link #tell} tells.
	 */
	private static List<AccountId> told(PublishedGroups.Group group) {
		return group.members().stream().map(PublishedGroups.GroupMember::person).toList();
	}

	private void tell(PublishedGroups.Group group, Function<AccountId, Object> event) {
		told(group).forEach(person -> events.publishEvent(event.apply(person)));
	}

}
