package app.kindred.grouping;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.grouping.internal.FormationResult;
import app.kindred.grouping.internal.ProposalService;
import app.kindred.grouping.internal.PublishedGroupStore;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.GroupsFormed;
import app.kindred.recruitment.RecruitmentRole;

/**
 * The groups as published: the coordinator publishes a proposal that breaks no hard rule,
 * each member is told their group, and each person sees their own group. Participants the
 * groups could not take are told and stay on the list.
 */
@Service
public class PublishedGroups implements GroupsFormed {

	/** A group as one of its members sees it. */
	public record MyGroup(ProgrammeView programme, int number, String slot, Language language, String campus,
			RecruitmentRole role, List<Member> members) {
	}

	/**
	 * Another member of the group by name, as the viewer may see them. Mentors lead the
	 * group, so they see everyone's full name, and every member sees the mentors' full
	 * names. Participants see the other participants only when the programme shares its
	 * roster, and then by first name only: being in a compassion group is sensitive.
	 */
	public record Member(String name, RecruitmentRole role) {
	}

	/**
	 * A published group with everyone in it now, for other modules (meetings, calendars).
	 */
	public record Group(UUID id, ProgrammeId programme, int number, String slot, Language language, String campus,
			List<GroupMember> members) {

		public boolean remote() {
			return campus == null;
		}

		public List<AccountId> mentors() {
			return members.stream().filter(m -> m.role() == RecruitmentRole.MENTOR).map(GroupMember::person).toList();
		}

		public boolean has(AccountId person) {
			return members.stream().anyMatch(m -> m.person().equals(person));
		}
	}

	public record GroupMember(AccountId person, RecruitmentRole role) {
	}

	private final ProposalService proposals;

	private final ProgrammeService programmes;

	private final Accounts accounts;

	private final PublishedGroupStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PublishedGroups(ProposalService proposals, ProgrammeService programmes, Accounts accounts,
			PublishedGroupStore store, ApplicationEventPublisher events, Clock clock) {
		this.proposals = proposals;
		this.programmes = programmes;
		this.accounts = accounts;
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public boolean published(ProgrammeId id) {
		return store.published(id);
	}

	@Override
	public boolean formed(ProgrammeId programme) {
		return published(programme);
	}

	/**
	 * Publishes the current proposal and tells everyone, each by their own mail. Refused
	 * when there is nothing to publish, the proposal breaks a hard rule, or the groups
	 * are published already.
	 */
	@Transactional
	public void publish(ProgrammeId id, AccountId coordinator) {
		var proposal = publishable(id, coordinator);
		// Lock the programme's row: two coordinators publishing at once publish once
		programmes.lock(id);
		if (published(id)) {
			throw Refused.conflict("grouping.notPublished.ALREADY_PUBLISHED");
		}
		var now = clock.instant();
		int number = 0;
		for (var group : proposal.groups()) {
			if (group.size() == 0) {
				continue; // added by hand and left empty
			}
			number++;
			var campus = group.mode().isRemote() ? null : group.mode().campus();
			store.addGroup(id, group.id(), number, group.slot(), group.language(), campus, now);
			for (var member : members(group)) {
				store.addMember(id, group.id(), member.getKey(), member.getValue());
				events.publishEvent(new GroupPublished(id, new AccountId(member.getKey()), member.getValue(), number,
						group.slot(), group.language(), campus));
			}
		}
		events.publishEvent(new GroupsPublished(id,
				proposal.groups().stream().filter(g -> g.size() > 0).map(FormationResult.Group::id).toList()));
		for (var unplaced : proposal.unplaced()) {
			if (unplaced.role() == RecruitmentRole.PARTICIPANT) {
				events.publishEvent(new GroupPublished(id, new AccountId(unplaced.personId()), unplaced.role(), 0, null,
						null, null));
			}
		}
	}

	/**
	 * How many people publishing would tell by e-mail, for the coordinator to confirm:
	 * everyone in a group, and each participant no group could take. Refused as
	 * {@link #publish} would be, and nothing changes.
	 */
	@Transactional(readOnly = true)
	public int toBeTold(ProgrammeId id, AccountId coordinator) {
		var proposal = publishable(id, coordinator);
		if (published(id)) {
			throw Refused.conflict("grouping.notPublished.ALREADY_PUBLISHED");
		}
		return proposal.groups().stream().mapToInt(FormationResult.Group::size).sum()
				+ (int) proposal.unplaced().stream().filter(u -> u.role() == RecruitmentRole.PARTICIPANT).count();
	}

	/**
	 * The proposal to publish; refused when there is none or it breaks a hard rule (the
	 * groups page names who breaks it).
	 */
	private FormationResult publishable(ProgrammeId id, AccountId coordinator) {
		var proposal = proposals.proposed(id, coordinator)
			.orElseThrow(() -> Refused.conflict("grouping.notPublished.NO_PROPOSAL"));
		if (!proposal.broken().isEmpty() || !proposal.feasible()) {
			throw Refused.conflict("grouping.notPublished.BREAKS_RULES");
		}
		return proposal;
	}

	/**
	 * The person's own group in this programme, with the others they may see; 404 for
	 * anyone not in one.
	 */
	@Transactional(readOnly = true)
	public MyGroup mine(ProgrammeId id, AccountId person) {
		programmes.find(id).orElseThrow(() -> new NotFoundException("programme"));
		return seenBy(id, person).orElseThrow(() -> new NotFoundException("group"));
	}

	/**
	 * The person's group in this programme as they see it, if they are in one (for their
	 * mail and page).
	 */
	@Transactional(readOnly = true)
	public Optional<MyGroup> seenBy(ProgrammeId id, AccountId person) {
		return store.membership(id, person.value()).flatMap(m -> seenBy(m.group(), person, m.role()));
	}

	/**
	 * A published group as someone in this role sees it, whether or not they are in it
	 * now: for telling them of a group they joined. The viewer is left out of the
	 * members.
	 */
	@Transactional(readOnly = true)
	public Optional<MyGroup> seenBy(UUID groupId, AccountId viewer, RecruitmentRole role) {
		return group(groupId).flatMap(group -> programmes.find(group.programme()).map(programme -> {
			boolean shared = programme.settings().shareRoster();
			var others = group.members()
				.stream()
				.filter(m -> !m.person().equals(viewer))
				.filter(m -> role == RecruitmentRole.MENTOR || m.role() == RecruitmentRole.MENTOR || shared)
				.toList();
			var people = accounts.findAll(others.stream().map(GroupMember::person).toList());
			var visible = new ArrayList<Member>();
			others.forEach(m -> Optional.ofNullable(people.get(m.person()))
				.ifPresent(p -> visible
					.add(new Member(role == RecruitmentRole.PARTICIPANT && m.role() == RecruitmentRole.PARTICIPANT
							? firstName(p.displayName()) : p.displayName(), m.role()))));
			visible.sort(Comparator.comparing(Member::role).thenComparing(Member::name));
			return new MyGroup(programme, group.number(), group.slot(), group.language(), group.campus(), role,
					List.copyOf(visible));
		}));
	}

	/**
	 * The first word of a display name: what participants see of each other when the
	 * roster is shared.
	 */
	static String firstName(String displayName) {
		var name = displayName == null ? "" : displayName.strip();
		return name.split("\\s+", 2)[0];
	}

	/**
	 * The programme's published groups, by number, with their members; empty before
	 * publishing.
	 */
	@Transactional(readOnly = true)
	public List<Group> groups(ProgrammeId id) {
		return store.groups(id);
	}

	/**
	 * One published group by its id, whichever programme it belongs to: that group's rows
	 * alone.
	 */
	@Transactional(readOnly = true)
	public Optional<Group> group(UUID groupId) {
		return store.group(groupId);
	}

	/**
	 * The groups a person is in, across programmes: a member of at most one group per
	 * programme.
	 */
	@Transactional(readOnly = true)
	public List<Group> groupsOf(AccountId person) {
		return store.groupsOf(person).stream().map(this::group).flatMap(Optional::stream).toList();
	}

	private static List<Map.Entry<UUID, RecruitmentRole>> members(FormationResult.Group group) {
		var all = new ArrayList<Map.Entry<UUID, RecruitmentRole>>();
		group.mentors().forEach(m -> all.add(Map.entry(m, RecruitmentRole.MENTOR)));
		group.participants().forEach(p -> all.add(Map.entry(p, RecruitmentRole.PARTICIPANT)));
		return all;
	}

}
