package app.kindred.grouping.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.grouping.GroupMembershipChanged;
import app.kindred.grouping.PublishedGroupChanged;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.training.TrainingService;

/**
 * Changes to the groups after publishing, one person at a time, without forming them
 * again: a coordinator adds, removes or moves someone, and someone who withdraws leaves
 * their group by themselves. Each change is made under the programme's row lock (as
 * publishing is), kept even when it breaks a hard rule (the page names the rule),
 * recorded in the programme's audit, and announced: {@link GroupMembershipChanged} per
 * group left or joined, and one {@link PublishedGroupChanged} from which each person
 * affected is told once. A change that no longer fits is refused, and nothing changes.
 */
@Service
public class GroupChangeService {

	private final ProgrammeAccess access;

	private final PublishedGroupStore store;

	private final RecruitmentService recruitment;

	private final TrainingService training;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ProgrammeService programmes;

	GroupChangeService(ProgrammeAccess access, PublishedGroupStore store, RecruitmentService recruitment,
			TrainingService training, ApplicationEventPublisher events, Clock clock, ProgrammeService programmes) {
		this.access = access;
		this.store = store;
		this.recruitment = recruitment;
		this.training = training;
		this.events = events;
		this.clock = clock;
		this.programmes = programmes;
	}

	/**
	 * A change as it would be made, for the coordinator to confirm: the event it
	 * announces (whom it tells: {@link PublishedGroupChanged#told()}), and the numbers of
	 * the groups left and joined (0 for none).
	 */
	public record Planned(PublishedGroupChanged change, int from, int to) {
	}

	/**
	 * Puts someone who is in no group into a published group: an accepted participant
	 * (such as one promoted from the waiting list) or a ready mentor (a replacement).
	 * Anyone else is not found; someone in a group already is refused.
	 */
	@Transactional
	public void add(ProgrammeId id, UUID person, UUID group, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		lock(id);
		var role = addable(programme, person, group);
		try {
			store.addMember(id, group, person, role);
		}
		catch (DuplicateKeyException raced) {
			// The lock makes this unreachable for changes made here; group_member_once
			// keeps the rule regardless
			throw refused("ALREADY_IN_A_GROUP");
		}
		record(id, coordinator, PublishedGroupChanged.How.ADDED, new AccountId(person), role, null, group);
	}

	/** What {@link #add} would do; refused as it would be, and nothing changes. */
	@Transactional(readOnly = true)
	public Planned planAdd(ProgrammeId id, UUID person, UUID group, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		var role = addable(programme, person, group);
		return planned(id, PublishedGroupChanged.How.ADDED, new AccountId(person), role, null, group);
	}

	private RecruitmentRole addable(ProgrammeView programme, UUID person, UUID group) {
		if (!store.published(programme.id())) {
			throw refused("NOT_PUBLISHED");
		}
		requireGroup(programme.id(), group);
		if (person == null) {
			throw new NotFoundException("person");
		}
		if (membership(programme.id(), person).isPresent()) {
			throw refused("ALREADY_IN_A_GROUP");
		}
		return placeable(programme, new AccountId(person)).orElseThrow(() -> new NotFoundException("person"));
	}

	/**
	 * Takes someone out of their published group; a participant keeps their place in the
	 * programme.
	 */
	@Transactional
	public void remove(ProgrammeId id, UUID person, AccountId coordinator) {
		access.coordinated(id, coordinator);
		lock(id);
		var current = membership(id, person).orElseThrow(() -> new NotFoundException("person in a group"));
		store.removeMember(id, person);
		record(id, coordinator, PublishedGroupChanged.How.REMOVED, new AccountId(person), current.role(),
				current.group(), null);
	}

	/** What {@link #remove} would do; refused as it would be, and nothing changes. */
	@Transactional(readOnly = true)
	public Planned planRemove(ProgrammeId id, UUID person, AccountId coordinator) {
		access.coordinated(id, coordinator);
		var current = membership(id, person).orElseThrow(() -> new NotFoundException("person in a group"));
		return planned(id, PublishedGroupChanged.How.REMOVED, new AccountId(person), current.role(), current.group(),
				null);
	}

	/** Moves someone from their published group to another one of the programme. */
	@Transactional
	public void move(ProgrammeId id, UUID person, UUID group, AccountId coordinator) {
		access.coordinated(id, coordinator);
		lock(id);
		var current = movable(id, person, group);
		store.moveMember(id, person, group);
		record(id, coordinator, PublishedGroupChanged.How.MOVED, new AccountId(person), current.role(), current.group(),
				group);
	}

	/** What {@link #move} would do; refused as it would be, and nothing changes. */
	@Transactional(readOnly = true)
	public Planned planMove(ProgrammeId id, UUID person, UUID group, AccountId coordinator) {
		access.coordinated(id, coordinator);
		var current = movable(id, person, group);
		return planned(id, PublishedGroupChanged.How.MOVED, new AccountId(person), current.role(), current.group(),
				group);
	}

	private PublishedGroupStore.Membership movable(ProgrammeId id, UUID person, UUID group) {
		requireGroup(id, group);
		var current = membership(id, person).orElseThrow(() -> new NotFoundException("person in a group"));
		if (current.group().equals(group)) {
			throw refused("ALREADY_IN_THAT_GROUP");
		}
		return current;
	}

	private Planned planned(ProgrammeId id, PublishedGroupChanged.How how, AccountId person, RecruitmentRole role,
			UUID from, UUID to) {
		return new Planned(changed(id, how, person, role, from, to), number(from), number(to));
	}

	private int number(UUID group) {
		return group == null ? 0 : store.group(group).map(g -> g.number()).orElse(0);
	}

	/**
	 * Someone lost their place in recruitment (withdrew, or a coordinator declined them
	 * there): they leave their group in this role, if they are in one. Runs after
	 * recruitment's transaction, so it only ever follows a settled fact.
	 */
	@Transactional
	void leave(ProgrammeId id, AccountId person, RecruitmentRole role, PublishedGroupChanged.How how) {
		try {
			programmes.lock(id);
		}
		catch (NotFoundException gone) {
			return; // the programme is gone, and its groups with it
		}
		var current = membership(id, person.value()).filter(m -> m.role() == role);
		if (current.isEmpty()) {
			return;
		}
		store.removeMember(id, person.value());
		record(id, null, how, person, role, current.get().group(), null);
	}

	/**
	 * The programme's row lock, which every change to its groups takes first: another
	 * change holding it too long leaves nothing changed, and trying again is safe.
	 */
	private void lock(ProgrammeId id) {
		try {
			programmes.lock(id);
		}
		catch (PessimisticLockingFailureException busy) {
			throw Refused.conflict("grouping.change.busy");
		}
	}

	private static Refused refused(String reason) {
		return Refused.conflict("grouping.change.refused." + reason);
	}

	private void requireGroup(ProgrammeId id, UUID group) {
		if (group == null || !store.exists(id, group)) {
			throw new NotFoundException("group");
		}
	}

	private Optional<PublishedGroupStore.Membership> membership(ProgrammeId id, UUID person) {
		return person == null ? Optional.empty() : store.membership(id, person);
	}

	/**
	 * Whom group formation could place: a ready mentor first, as they are scarcer, else
	 * an accepted participant.
	 */
	private Optional<RecruitmentRole> placeable(ProgrammeView programme, AccountId person) {
		if (recruitment.accepted(programme.id(), RecruitmentRole.MENTOR).contains(person)
				&& training.readyMentors(programme.id()).contains(person)) {
			return Optional.of(RecruitmentRole.MENTOR);
		}
		if (recruitment.accepted(programme.id(), RecruitmentRole.PARTICIPANT).contains(person)) {
			return Optional.of(RecruitmentRole.PARTICIPANT);
		}
		return Optional.empty();
	}

	/** Audits the change, then announces it, in the caller's transaction. */
	private void record(ProgrammeId id, AccountId actor, PublishedGroupChanged.How how, AccountId person,
			RecruitmentRole role, UUID from, UUID to) {
		store.recordChange(id, actor, how, person, role, from, to, clock.instant());
		if (from != null) {
			events.publishEvent(new GroupMembershipChanged(id, from, person, role, GroupMembershipChanged.Change.LEFT));
		}
		if (to != null) {
			events.publishEvent(new GroupMembershipChanged(id, to, person, role, GroupMembershipChanged.Change.JOINED));
		}
		events.publishEvent(changed(id, how, person, role, from, to));
	}

	/**
	 * The change as announced: whom it tells. Read before the change (to confirm it) or
	 * after it, the same people: the mentors of either group other than the person.
	 */
	private PublishedGroupChanged changed(ProgrammeId id, PublishedGroupChanged.How how, AccountId person,
			RecruitmentRole role, UUID from, UUID to) {
		return new PublishedGroupChanged(id, person, role, how, from, to, mentors(from, person), mentors(to, person));
	}

	private List<AccountId> mentors(UUID group, AccountId except) {
		return group == null ? List.of() : store.mentors(group, except);
	}

}
