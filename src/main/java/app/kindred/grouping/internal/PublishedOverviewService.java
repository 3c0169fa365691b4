package app.kindred.grouping.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.kindred.grouping.PublishedGroups;
import app.kindred.grouping.internal.PublishedOverview.Change;
import app.kindred.grouping.internal.PublishedOverview.Person;
import app.kindred.grouping.internal.PublishedOverview.Row;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountSummary;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.RecruitmentRole;

/**
 * The published groups as their coordinator sees them: everyone by name, who could join,
 * the hard rules the groups break now by the solver's rules, and the changes made since
 * publishing.
 */
@Service
public class PublishedOverviewService {

	private final ProgrammeAccess access;

	private final PublishedGroupStore store;

	private final ProblemReader problems;

	private final FormationSolver solver;

	private final Accounts accounts;

	PublishedOverviewService(ProgrammeAccess access, PublishedGroupStore store, ProblemReader problems,
			FormationSolver solver, Accounts accounts) {
		this.access = access;
		this.store = store;
		this.problems = problems;
		this.solver = solver;
		this.accounts = accounts;
	}

	/**
	 * The published groups for their coordinator; the caller knows they are published.
	 */
	@Transactional(readOnly = true)
	public PublishedOverview overview(ProgrammeId id, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		var groups = store.groups(id);
		var problem = problems.problem(programme);
		var inGroups = new HashSet<UUID>();
		groups.forEach(g -> g.members().forEach(m -> inGroups.add(m.person().value())));
		var outside = problem.people().stream().filter(p -> !inGroups.contains(p.id())).toList();
		var changes = store.changes(id);

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
		return new PublishedOverview(rows, candidates, broken(problem, groups), audit);
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
		return solver.evaluate(widened, asFormed).constraints().stream().filter(c -> c.hardScore() < 0).toList();
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

}
