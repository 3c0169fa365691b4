package app.kindred.grouping.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeAccess;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.CallService;

/**
 * The coordinator changes the proposal by hand: moves and swaps people, pins them, adds
 * and removes groups. Each change is scored with the solver's rules: one that breaks a
 * hard rule is kept, and the page shows which rule. While a run is under way the proposal
 * is about to be replaced, so changes are refused rather than lost.
 */
@Service
public class ProposalService {

	private final ProgrammeAccess access;

	private final ProposalStore store;

	private final ProblemReader problems;

	private final FormationSolver solver;

	private final FormationRunner runner;

	private final Accounts accounts;

	private final CallService calls;

	private final TransactionTemplate transactions;

	ProposalService(ProgrammeAccess access, ProposalStore store, ProblemReader problems, FormationSolver solver,
			FormationRunner runner, Accounts accounts, CallService calls, TransactionTemplate transactions) {
		this.access = access;
		this.store = store;
		this.problems = problems;
		this.solver = solver;
		this.runner = runner;
		this.accounts = accounts;
		this.calls = calls;
		this.transactions = transactions;
	}

	/**
	 * Moves someone into another group of the proposal, or out of every group
	 * ({@code group} null), and scores the result with the solver's rules: a change that
	 * breaks a hard rule is kept, and the page shows which rule.
	 */
	public void move(ProgrammeId id, UUID person, UUID group, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		var current = editable(id);
		if (!current.contains(person)
				|| (group != null && current.groups().stream().noneMatch(g -> g.id().equals(group)))) {
			throw new NotFoundException("person or group");
		}
		store.keep(id, evaluate(programme, current, current.groups().stream().map(g -> {
			var mentors = new ArrayList<>(g.mentors());
			var participants = new ArrayList<>(g.participants());
			mentors.remove(person);
			participants.remove(person);
			if (g.id().equals(group)) {
				(current.isMentor(person) ? mentors : participants).add(person);
			}
			return new FormationResult.Group(g.id(), g.slot(), g.language(), g.mode(), mentors, participants);
		}).toList()));
	}

	/**
	 * Two people trade places in one step: each goes to the other's group (or out, if the
	 * other was in none).
	 */
	public void swap(ProgrammeId id, UUID one, UUID other, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		var current = editable(id);
		if (!current.contains(one) || !current.contains(other)) {
			throw new NotFoundException("person");
		}
		store.keep(id, evaluate(programme, current, current.groups().stream().map(g -> {
			var mentors = new ArrayList<>(g.mentors().stream().map(m -> traded(m, one, other)).toList());
			var participants = new ArrayList<>(g.participants().stream().map(m -> traded(m, one, other)).toList());
			// A mentor and a participant trading places keep their roles in their new
			// groups
			for (var person : List.of(one, other)) {
				if (mentors.remove(person) | participants.remove(person)) {
					(current.isMentor(person) ? mentors : participants).add(person);
				}
			}
			return new FormationResult.Group(g.id(), g.slot(), g.language(), g.mode(), mentors, participants);
		}).toList()));
	}

	private static UUID traded(UUID member, UUID one, UUID other) {
		return member.equals(one) ? other : member.equals(other) ? one : member;
	}

	/**
	 * Adds an empty group at one of the programme's weekly times, in one of its
	 * languages, remote or on one of its campuses, for the coordinator to fill by hand. A
	 * new run keeps it only if someone pinned is in it.
	 */
	public void addGroup(ProgrammeId id, String slot, Language language, Mode mode, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		var current = editable(id);
		var s = programme.settings();
		if (calls.slots(id).stream().noneMatch(offered -> offered.key().equals(slot))) {
			throw notOffered("slot");
		}
		if (language == null || !programme.groupLanguages().contains(language)) {
			throw notOffered("language");
		}
		if (mode.isRemote() ? !s.remote() : !s.onCampus() || !s.campuses().contains(mode.campus())) {
			throw notOffered("place");
		}
		var groups = new ArrayList<>(current.groups());
		groups.add(new FormationResult.Group(UUID.randomUUID(), slot, language, mode, List.of(), List.of()));
		store.keep(id, evaluate(programme, current, groups));
	}

	/**
	 * A new group at a time, in a language or at a place the programme does not offer.
	 */
	private static Refused notOffered(String field) {
		return Refused.invalid(field, "grouping.notOffered." + field);
	}

	/**
	 * Removes a group of the proposal; its members are left without a group, and
	 * unpinned.
	 */
	public void removeGroup(ProgrammeId id, UUID group, AccountId coordinator) {
		var programme = access.coordinated(id, coordinator);
		var current = editable(id);
		var removed = current.groups()
			.stream()
			.filter(g -> g.id().equals(group))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("group"));
		transactions.executeWithoutResult(status -> {
			removed.members().forEach(member -> store.unpin(id, member));
			store.keep(id, evaluate(programme, current,
					current.groups().stream().filter(g -> !g.id().equals(group)).toList()));
		});
	}

	/**
	 * Pins someone to their group, so a new run keeps them there; or unpins them. Only
	 * someone in a group.
	 */
	public void pin(ProgrammeId id, UUID person, boolean pinned, AccountId coordinator) {
		access.coordinated(id, coordinator);
		var current = editable(id);
		if (current.groups().stream().noneMatch(g -> g.members().contains(person))) {
			throw new NotFoundException("person in a group");
		}
		store.pin(id, person, pinned);
	}

	/** The proposal as stored, for the coordinator who publishes it. */
	public Optional<FormationResult> proposed(ProgrammeId id, AccountId coordinator) {
		access.coordinated(id, coordinator);
		return store.proposal(id).map(ProposalStore.StoredProposal::result);
	}

	/**
	 * Who breaks which hard rule in the proposal, group by group: what a refused publish
	 * names. Empty when it breaks none, or there is none.
	 */
	public List<FormationSolver.Breach> breaches(ProgrammeView programme) {
		return store.proposal(programme.id())
			.map(ProposalStore.StoredProposal::result)
			.filter(r -> !r.broken().isEmpty())
			.map(r -> solver.breaches(problems.problem(programme), r.groups()))
			.orElse(List.of());
	}

	/** The proposal with everyone's name, address and the pins, for the page. */
	Optional<Proposal> proposal(ProgrammeId id) {
		return store.proposal(id).map(stored -> {
			var names = new HashMap<UUID, String>();
			var emails = new HashMap<UUID, String>();
			accounts.findAll(stored.result().people().stream().map(AccountId::new).toList())
				.forEach((account, person) -> {
					names.put(account.value(), person.displayName());
					emails.put(account.value(), person.email());
				});
			return new Proposal(stored.result(), names, emails, store.pins(id), stored.formedAt());
		});
	}

	/**
	 * The problem for a new run: the programme's as it is now, keeping the groups of the
	 * proposal that hold pinned people, with just those people.
	 * @throws IllegalArgumentException when no groups can be formed from the settings, or
	 * someone pinned has no place any more
	 */
	FormationProblem nextRun(ProgrammeView programme) {
		var id = programme.id();
		var pins = store.pins(id);
		var pinned = store.proposal(id).map(p -> p.result().groups().stream().map(g -> {
			var members = new HashSet<UUID>();
			g.mentors().stream().filter(pins::contains).forEach(members::add);
			g.participants().stream().filter(pins::contains).forEach(members::add);
			return new FormationProblem.PinnedGroup(g.id(), g.slot(), g.language(), g.mode(), members);
		}).filter(g -> !g.members().isEmpty()).toList()).orElse(List.of());
		return problems.problem(programme).withPinnedGroups(pinned);
	}

	/**
	 * Scores the proposal again, such as by new weights, unless a run is about to replace
	 * it.
	 */
	void rescore(ProgrammeView programme) {
		if (runner.running(programme.id()).isEmpty()) {
			store.proposal(programme.id())
				.ifPresent(p -> store.keep(programme.id(), evaluate(programme, p.result(), p.result().groups())));
		}
	}

	/**
	 * The solver's rules applied to groups changed by hand, in the order given so that
	 * group numbers stay put; a group left empty stays too, until the coordinator removes
	 * it (the solver drops empty groups).
	 */
	private FormationResult evaluate(ProgrammeView programme, FormationResult previous,
			List<FormationResult.Group> groups) {
		var scored = solver.evaluate(problems.problem(programme), groups);
		var byId = new HashMap<UUID, FormationResult.Group>();
		scored.groups().forEach(g -> byId.put(g.id(), g));
		var ordered = groups.stream()
			.map(g -> byId.getOrDefault(g.id(),
					new FormationResult.Group(g.id(), g.slot(), g.language(), g.mode(), List.of(), List.of())))
			.toList();
		return new FormationResult(ordered, scored.unplaced(), scored.feasible(), scored.score(), scored.constraints(),
				scored.participantsPlaced(), scored.participants(), scored.elapsed(),
				scored.placement().withMost(previous.placement()));
	}

	/** The proposal to change by hand; refused while a run is about to replace it. */
	private FormationResult editable(ProgrammeId id) {
		if (runner.running(id).isPresent()) {
			throw Refused.conflict("grouping.busy");
		}
		return store.proposal(id).orElseThrow(() -> new NotFoundException("proposal")).result();
	}

}
