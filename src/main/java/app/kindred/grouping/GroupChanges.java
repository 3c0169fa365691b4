package app.kindred.grouping;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.core.NotFoundException;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountSummary;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.training.Training;

/**
 * Changes to the groups after publishing, one person at a time, without forming them
 * again: a coordinator adds, removes or moves someone, and someone who withdraws leaves
 * their group by themselves. Each change is made under the programme's row lock (as
 * publishing is), kept even when it breaks a hard rule (the page names the rule),
 * recorded in the programme's audit, and announced: {@link GroupMembershipChanged} per
 * group left or joined, and one {@link PublishedGroupChanged} from which each person
 * affected is told once.
 */
@Service
public class GroupChanges {

	/**
	 * What the coordinator sees of the published groups: members, who could join, broken
	 * rules, and the changes.
	 */
	public record View(List<Row> groups, List<Person> candidates, List<FormationResult.ConstraintTotal> broken,
			List<Change> changes) {

		/** Everyone in a group, for the forms that remove or move someone. */
		public List<Person> members() {
			var all = new ArrayList<Person>();
			groups.forEach(g -> {
				all.addAll(g.mentors());
				all.addAll(g.participants());
			});
			all.sort(Comparator.comparing(Person::name).thenComparing(Person::email));
			return all;
		}
	}

	/** A published group with its members' names. */
	public record Row(PublishedGroups.Group group, List<Person> mentors, List<Person> participants) {
	}

	/**
	 * Someone by name and e-mail address (namesakes differ in it), with their group's
	 * number (0 for none).
	 */
	public record Person(UUID id, String name, String email, RecruitmentRole role, int group) {
	}

	/**
	 * One change in the audit: who made it ({@code actor} empty when it followed a
	 * withdrawal), when, and what, with the person's address beside their name.
	 */
	public record Change(Instant at, String actor, PublishedGroupChanged.How how, String person, String personEmail,
			RecruitmentRole role, int from, int to) {
	}

	/** Refused, and nothing changed: a 409 for the page. */
	public static class Refused extends RuntimeException {

		public enum Reason {

			NOT_PUBLISHED, ALREADY_IN_A_GROUP, ALREADY_IN_THAT_GROUP

		}

		private final Reason reason;

		Refused(Reason reason) {
			super(reason.name());
			this.reason = reason;
		}

		public Reason reason() {
			return reason;
		}

	}

	private final Formations formations;

	private final PublishedGroups published;

	private final GroupFormation engine;

	private final RecruitmentService recruitment;

	private final Training training;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ProgrammeService programmes;

	GroupChanges(Formations formations, PublishedGroups published, GroupFormation engine,
			RecruitmentService recruitment, Training training, Accounts accounts, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock, ProgrammeService programmes) {
		this.formations = formations;
		this.published = published;
		this.engine = engine;
		this.recruitment = recruitment;
		this.training = training;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.programmes = programmes;
	}

	/**
	 * The published groups for their coordinator; the caller knows they are published.
	 */
	@Transactional(readOnly = true)
	public View view(ProgrammeId id, AccountId coordinator) {
		var programme = formations.programme(id, coordinator);
		var groups = published.groups(id);
		var problem = formations.problem(programme);
		var inGroups = new HashSet<UUID>();
		groups.forEach(g -> g.members().forEach(m -> inGroups.add(m.person().value())));
		var outside = problem.people().stream().filter(p -> !inGroups.contains(p.id())).toList();
		var changes = changes(id);

		var ids = new HashSet<AccountId>();
		inGroups.forEach(p -> ids.add(new AccountId(p)));
		outside.forEach(p -> ids.add(new AccountId(p.id())));
		changes.forEach(c -> {
			ids.add(c.person());
			Optional.ofNullable(c.actor()).ifPresent(ids::add);
		});
		var names = accounts.findAll(ids);

		var rows = groups.stream()
			.map(g -> new Row(g, people(g, RecruitmentRole.MENTOR, names),
					people(g, RecruitmentRole.PARTICIPANT, names)))
			.toList();
		var candidates = outside.stream()
			.map(p -> new Person(p.id(), name(names, new AccountId(p.id())), email(names, new AccountId(p.id())),
					p.role(), 0))
			.sorted(Comparator.comparing(Person::role).thenComparing(Person::name).thenComparing(Person::email))
			.toList();
		var audit = changes.stream()
			.map(c -> new Change(c.at(), c.actor() == null ? "" : name(names, c.actor()), c.how(),
					name(names, c.person()), email(names, c.person()), c.role(), c.from(), c.to()))
			.toList();
		return new View(rows, candidates, broken(problem, groups), audit);
	}

	/**
	 * Puts someone who is in no group into a published group: an accepted participant
	 * (such as one promoted from the waiting list) or a ready mentor (a replacement).
	 * Anyone else is not found; someone in a group already is refused.
	 */
	@Transactional
	public void add(ProgrammeId id, UUID person, UUID group, AccountId coordinator) {
		var programme = formations.programme(id, coordinator);
		programmes.lock(id);
		requirePublished(id);
		requireGroup(id, group);
		if (person == null) {
			throw new NotFoundException("person");
		}
		if (membership(id, person).isPresent()) {
			throw new Refused(Refused.Reason.ALREADY_IN_A_GROUP);
		}
		var role = placeable(programme, new AccountId(person)).orElseThrow(() -> new NotFoundException("person"));
		try {
			jdbc.sql("insert into group_member (group_id, programme_id, account_id, role) values (?, ?, ?, ?)")
				.params(group, id.value(), person, role.name())
				.update();
		}
		catch (DuplicateKeyException raced) {
			// The lock makes this unreachable for changes made here; group_member_once
			// keeps the rule regardless
			throw new Refused(Refused.Reason.ALREADY_IN_A_GROUP);
		}
		record(id, coordinator, PublishedGroupChanged.How.ADDED, new AccountId(person), role, null, group);
	}

	/**
	 * Takes someone out of their published group; a participant keeps their place in the
	 * programme.
	 */
	@Transactional
	public void remove(ProgrammeId id, UUID person, AccountId coordinator) {
		formations.programme(id, coordinator);
		programmes.lock(id);
		var current = membership(id, person).orElseThrow(() -> new NotFoundException("person in a group"));
		jdbc.sql("delete from group_member where programme_id = ? and account_id = ?")
			.params(id.value(), person)
			.update();
		record(id, coordinator, PublishedGroupChanged.How.REMOVED, new AccountId(person), current.role(),
				current.group(), null);
	}

	/** Moves someone from their published group to another one of the programme. */
	@Transactional
	public void move(ProgrammeId id, UUID person, UUID group, AccountId coordinator) {
		formations.programme(id, coordinator);
		programmes.lock(id);
		requireGroup(id, group);
		var current = membership(id, person).orElseThrow(() -> new NotFoundException("person in a group"));
		if (current.group().equals(group)) {
			throw new Refused(Refused.Reason.ALREADY_IN_THAT_GROUP);
		}
		jdbc.sql("update group_member set group_id = ? where programme_id = ? and account_id = ?")
			.params(group, id.value(), person)
			.update();
		record(id, coordinator, PublishedGroupChanged.How.MOVED, new AccountId(person), current.role(), current.group(),
				group);
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
		jdbc.sql("delete from group_member where programme_id = ? and account_id = ?")
			.params(id.value(), person.value())
			.update();
		record(id, null, how, person, role, current.get().group(), null);
	}

	private void requirePublished(ProgrammeId id) {
		if (!published.published(id)) {
			throw new Refused(Refused.Reason.NOT_PUBLISHED);
		}
	}

	private void requireGroup(ProgrammeId id, UUID group) {
		if (group == null || jdbc.sql("select count(*) from published_group where id = ? and programme_id = ?")
			.params(group, id.value())
			.query(Integer.class)
			.single() == 0) {
			throw new NotFoundException("group");
		}
	}

	private record Membership(UUID group, RecruitmentRole role) {
	}

	private Optional<Membership> membership(ProgrammeId id, UUID person) {
		if (person == null) {
			return Optional.empty();
		}
		return jdbc.sql("select group_id, role from group_member where programme_id = ? and account_id = ?")
			.params(id.value(), person)
			.query((rs, n) -> new Membership(rs.getObject(1, UUID.class), RecruitmentRole.valueOf(rs.getString(2))))
			.optional();
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
		jdbc.sql(
				"""
						insert into group_change (id, programme_id, actor_id, action, account_id, role, from_group, to_group, at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), id.value(), actor == null ? null : actor.value(), how.name(), person.value(),
					role.name(), from, to, Timestamp.from(clock.instant()))
			.update();
		if (from != null) {
			events.publishEvent(new GroupMembershipChanged(id, from, person, role, GroupMembershipChanged.Change.LEFT));
		}
		if (to != null) {
			events.publishEvent(new GroupMembershipChanged(id, to, person, role, GroupMembershipChanged.Change.JOINED));
		}
		events.publishEvent(
				new PublishedGroupChanged(id, person, role, how, from, to, mentors(from, person), mentors(to, person)));
	}

	private List<AccountId> mentors(UUID group, AccountId except) {
		if (group == null) {
			return List.of();
		}
		return jdbc
			.sql("select account_id from group_member where group_id = ? and role = 'MENTOR' and account_id <> ?")
			.params(group, except.value())
			.query((rs, n) -> new AccountId(rs.getObject(1, UUID.class)))
			.list();
	}

	/**
	 * The hard rules the published groups break now, by the solver's own rules. The
	 * groups keep the time and place they were published with, even if the call's times
	 * or the campuses changed since; a member the solver would not place any more (a
	 * mentor no longer ready) counts as absent, as in a new run.
	 */
	private List<FormationResult.ConstraintTotal> broken(FormationProblem problem, List<PublishedGroups.Group> groups) {
		var slots = new ArrayList<>(problem.slots());
		var campuses = new ArrayList<>(problem.campuses());
		for (var g : groups) {
			if (!slots.contains(g.slot())) {
				slots.add(g.slot());
			}
			if (!g.remote() && !campuses.contains(g.campus())) {
				campuses.add(g.campus());
			}
		}
		var widened = new FormationProblem(slots, problem.minSize(), problem.maxSize(), problem.allowThreeMentors(),
				campuses, problem.people(), List.of(), problem.maxFromSameDepartment(), problem.weights());
		var asFormed = groups.stream()
			.map(g -> new FormationResult.Group(g.id(), g.slot(), g.language(),
					g.remote() ? Mode.REMOTE : Mode.onCampus(g.campus()), ids(g, RecruitmentRole.MENTOR),
					ids(g, RecruitmentRole.PARTICIPANT)))
			.toList();
		return engine.evaluate(widened, asFormed).constraints().stream().filter(c -> c.hardScore() < 0).toList();
	}

	private static List<UUID> ids(PublishedGroups.Group group, RecruitmentRole role) {
		return group.members().stream().filter(m -> m.role() == role).map(m -> m.person().value()).toList();
	}

	private static List<Person> people(PublishedGroups.Group group, RecruitmentRole role,
			Map<AccountId, ? extends AccountSummary> names) {
		return group.members()
			.stream()
			.filter(m -> m.role() == role)
			.map(m -> new Person(m.person().value(), name(names, m.person()), email(names, m.person()), role,
					group.number()))
			.sorted(Comparator.comparing(Person::name).thenComparing(Person::email))
			.toList();
	}

	private static String name(Map<AccountId, ? extends AccountSummary> names, AccountId id) {
		return names.containsKey(id) ? names.get(id).displayName() : "";
	}

	private static String email(Map<AccountId, ? extends AccountSummary> names, AccountId id) {
		return names.containsKey(id) ? names.get(id).email() : "";
	}

	private record Stored(Instant at, AccountId actor, PublishedGroupChanged.How how, AccountId person,
			RecruitmentRole role, int from, int to) {
	}

	/** The programme's changes since publishing, newest first. */
	private List<Stored> changes(ProgrammeId id) {
		return jdbc.sql("""
				select c.at, c.actor_id, c.action, c.account_id, c.role, f.number, t.number from group_change c
				  left join published_group f on f.id = c.from_group
				  left join published_group t on t.id = c.to_group
				 where c.programme_id = ? order by c.at desc""").param(id.value()).query((rs, n) -> {
			var actor = rs.getObject(2, UUID.class);
			return new Stored(rs.getTimestamp(1).toInstant(), actor == null ? null : new AccountId(actor),
					PublishedGroupChanged.How.valueOf(rs.getString(3)), new AccountId(rs.getObject(4, UUID.class)),
					RecruitmentRole.valueOf(rs.getString(5)), rs.getInt(6), rs.getInt(7));
		}).list();
	}

}
