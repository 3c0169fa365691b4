package app.kindred.grouping;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.identity.AccountId;
import app.kindred.identity.Accounts;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeView;
import app.kindred.recruitment.Applications;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.CallService;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.recruitment.SignUpAnswers;
import app.kindred.training.Training;
import tools.jackson.databind.json.JsonMapper;
import app.kindred.programme.ProgrammeService;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Forming a programme's groups for its coordinator: from the participants with a place
 * and the mentors ready to lead, with their answers, through the solver in the
 * background, to the proposal kept for the coordinator to look at.
 */
@Service
public class Formations {

	private static final Logger log = LoggerFactory.getLogger(Formations.class);

	/**
	 * What the coordinator's page shows: who takes part, the run under way if any, and
	 * the latest proposal.
	 */
	public record Overview(ProgrammeView programme, int participants, int mentorsReady, int mentorsNotReady,
			List<Call.Slot> slots, Optional<FormationProgress> running, Optional<Proposal> proposal) {

		/** The weekly slot a proposal's key names, for its label. */
		public Call.Slot slot(String key) {
			return slots.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
		}
	}

	/**
	 * A proposal with the people's names and e-mail addresses (the page is the
	 * coordinator's, who sees addresses on the applications page too), so that namesakes
	 * can be told apart.
	 */
	public record Proposal(FormationResult result, Map<UUID, String> names, Map<UUID, String> emails, Set<UUID> pinned,
			Instant formedAt) {

		public String name(UUID person) {
			return names.getOrDefault(person, "");
		}

		public String email(UUID person) {
			return emails.getOrDefault(person, "");
		}

		public RecruitmentRole role(UUID person) {
			return result.isMentor(person) ? RecruitmentRole.MENTOR : RecruitmentRole.PARTICIPANT;
		}

		/**
		 * The number of the person's group in this proposal as the page numbers them, or
		 * 0 when in none.
		 */
		public int group(UUID person) {
			for (int i = 0; i < result.groups().size(); i++) {
				if (result.groups().get(i).members().contains(person)) {
					return i + 1;
				}
			}
			return 0;
		}

		public boolean isPinned(UUID person) {
			return pinned.contains(person);
		}

		/** The hard rules this proposal breaks (after changes by hand), to warn about. */
		public List<FormationResult.ConstraintTotal> broken() {
			return result.broken();
		}

		/** Everyone in the proposal, in groups or not, for the forms that change it. */
		public List<UUID> people() {
			return result.people();
		}
	}

	/**
	 * Refused: the proposal is being replaced by a run under way, so a change by hand
	 * would be lost.
	 */
	public static class ProposalBusy extends RuntimeException {

		ProposalBusy() {
			super("A run is under way");
		}

	}

	/**
	 * Refused: a new group at a time, in a language or at a place the programme does not
	 * offer.
	 */
	public static class NotOffered extends RuntimeException {

		private final String field;

		NotOffered(String field) {
			super(field + " not offered");
			this.field = field;
		}

		public String field() {
			return field;
		}

	}

	private final GroupFormation engine;

	private final RunClaims claims;

	private final ConcurrentMap<UUID, FormationRun> unfinished = new ConcurrentHashMap<>();

	private final Applications applications;

	private final RecruitmentService recruitment;

	private final CallService calls;

	private final Training training;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	private final ProgrammeService programmes;

	Formations(GroupFormation engine, RunClaims claims, Applications applications, RecruitmentService recruitment,
			CallService calls, Training training, Accounts accounts, JdbcClient jdbc, TransactionTemplate transactions,
			JsonMapper json, Clock clock, ProgrammeService programmes) {
		this.engine = engine;
		this.claims = claims;
		this.applications = applications;
		this.recruitment = recruitment;
		this.calls = calls;
		this.training = training;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
		this.programmes = programmes;
	}

	public Overview overview(ProgrammeId id, AccountId coordinator) {
		var programme = applications.coordinated(id, coordinator);
		var mentors = recruitment.accepted(id, RecruitmentRole.MENTOR);
		var ready = training.readyMentors(id);
		return new Overview(programme, recruitment.accepted(id, RecruitmentRole.PARTICIPANT).size(),
				(int) mentors.stream().filter(ready::contains).count(),
				(int) mentors.stream().filter(m -> !ready.contains(m)).count(), calls.slots(id), running(id),
				proposal(id));
	}

	/**
	 * Starts forming groups in the background with this time limit; the proposal replaces
	 * the previous one when the run ends (stopped early or not). A second start while one
	 * runs is refused.
	 */
	public void start(ProgrammeId id, Duration timeLimit, AccountId coordinator) {
		var programme = applications.coordinated(id, coordinator);
		var problem = problem(programme).withPinnedGroups(pinnedGroups(id));
		// One run per programme on every instance: the claim is the guard, the engine's
		// map only guards this one
		if (!claims.claim(id, timeLimit)) {
			throw new GroupFormation.AlreadyRunning(id.value());
		}
		FormationRun run;
		try {
			run = engine.start(id.value(), problem, FormationLimits.of(timeLimit), progress -> {
			});
		}
		catch (RuntimeException refused) {
			claims.release(id);
			throw refused;
		}
		// Until its proposal is stored, a run counts as running, so the page never shows
		// the old proposal as done
		unfinished.put(id.value(), run);
		run.result().whenComplete((result, failure) -> {
			try {
				if (failure != null) {
					log.error("Forming the groups of programme {} failed", id.value(), failure);
				}
				else {
					keep(id, result);
				}
			}
			finally {
				claims.release(id);
				unfinished.remove(id.value(), run);
			}
		});
	}

	/**
	 * Shares the progress of this instance's runs with every instance, and stops those a
	 * coordinator stopped on any of them. Asking again while a stop is pending also
	 * covers a stop that came before the solver started.
	 */
	@Scheduled(fixedDelayString = "PT0.5S")
	void shareProgress() {
		unfinished.forEach((programme, run) -> {
			if (claims.report(new ProgrammeId(programme), run.progress()) || run.stopRequested()) {
				run.terminateEarly();
			}
		});
	}

	/**
	 * Moves someone into another group of the proposal, or out of every group
	 * ({@code group} null), and scores the result with the solver's rules: a change that
	 * breaks a hard rule is kept, and the page shows which rule.
	 */
	public void move(ProgrammeId id, UUID person, UUID group, AccountId coordinator) {
		var programme = applications.coordinated(id, coordinator);
		var current = editable(id);
		if (!current.contains(person)
				|| (group != null && current.groups().stream().noneMatch(g -> g.id().equals(group)))) {
			throw new NotFoundException("person or group");
		}
		keep(id, evaluate(programme, current.groups().stream().map(g -> {
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
		var programme = applications.coordinated(id, coordinator);
		var current = editable(id);
		if (!current.contains(one) || !current.contains(other)) {
			throw new NotFoundException("person");
		}
		keep(id, evaluate(programme, current.groups().stream().map(g -> {
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
		var programme = applications.coordinated(id, coordinator);
		var current = editable(id);
		var s = programme.settings();
		if (calls.slots(id).stream().noneMatch(offered -> offered.key().equals(slot))) {
			throw new NotOffered("slot");
		}
		if (language == null || !programme.groupLanguages().contains(language)) {
			throw new NotOffered("language");
		}
		if (mode.isRemote() ? !s.remote() : !s.onCampus() || !s.campuses().contains(mode.campus())) {
			throw new NotOffered("place");
		}
		var groups = new ArrayList<>(current.groups());
		groups.add(new FormationResult.Group(UUID.randomUUID(), slot, language, mode, List.of(), List.of()));
		keep(id, evaluate(programme, groups));
	}

	/**
	 * Removes a group of the proposal; its members are left without a group, and
	 * unpinned.
	 */
	public void removeGroup(ProgrammeId id, UUID group, AccountId coordinator) {
		var programme = applications.coordinated(id, coordinator);
		var current = editable(id);
		var removed = current.groups()
			.stream()
			.filter(g -> g.id().equals(group))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("group"));
		transactions.executeWithoutResult(status -> {
			for (var member : removed.members()) {
				jdbc.sql("delete from group_pin where programme_id = ? and account_id = ?")
					.params(id.value(), member)
					.update();
			}
			keep(id, evaluate(programme, current.groups().stream().filter(g -> !g.id().equals(group)).toList()));
		});
	}

	/**
	 * The solver's rules applied to groups changed by hand, in the order given so that
	 * group numbers stay put; a group left empty stays too, until the coordinator removes
	 * it (the solver drops empty groups).
	 */
	private FormationResult evaluate(ProgrammeView programme, List<FormationResult.Group> groups) {
		var scored = engine.evaluate(problem(programme), groups);
		var byId = new HashMap<UUID, FormationResult.Group>();
		scored.groups().forEach(g -> byId.put(g.id(), g));
		var ordered = groups.stream()
			.map(g -> byId.getOrDefault(g.id(),
					new FormationResult.Group(g.id(), g.slot(), g.language(), g.mode(), List.of(), List.of())))
			.toList();
		return new FormationResult(ordered, scored.unplaced(), scored.feasible(), scored.score(), scored.constraints(),
				scored.participantsPlaced(), scored.participants(), scored.elapsed());
	}

	/** The proposal to change by hand; refused while a run is about to replace it. */
	private FormationResult editable(ProgrammeId id) {
		if (running(id).isPresent()) {
			throw new ProposalBusy();
		}
		return stored(id).orElseThrow(() -> new NotFoundException("proposal")).result();
	}

	/**
	 * Pins someone to their group, so a new run keeps them there; or unpins them. Only
	 * someone in a group.
	 */
	public void pin(ProgrammeId id, UUID person, boolean pinned, AccountId coordinator) {
		applications.coordinated(id, coordinator);
		var current = editable(id);
		if (current.groups().stream().noneMatch(g -> g.members().contains(person))) {
			throw new NotFoundException("person in a group");
		}
		transactions.executeWithoutResult(status -> {
			jdbc.sql("delete from group_pin where programme_id = ? and account_id = ?")
				.params(id.value(), person)
				.update();
			if (pinned) {
				jdbc.sql("insert into group_pin (programme_id, account_id) values (?, ?)")
					.params(id.value(), person)
					.update();
			}
		});
	}

	/**
	 * The groups of the proposal that hold pinned people, with just those people: what a
	 * new run must keep.
	 */
	private List<FormationProblem.PinnedGroup> pinnedGroups(ProgrammeId id) {
		var pins = pins(id);
		return stored(id).map(p -> p.result().groups().stream().map(g -> {
			var members = new HashSet<UUID>();
			g.mentors().stream().filter(pins::contains).forEach(members::add);
			g.participants().stream().filter(pins::contains).forEach(members::add);
			return new FormationProblem.PinnedGroup(g.id(), g.slot(), g.language(), g.mode(), members);
		}).filter(g -> !g.members().isEmpty()).toList()).orElse(List.of());
	}

	private Set<UUID> pins(ProgrammeId id) {
		return new HashSet<>(jdbc.sql("select account_id from group_pin where programme_id = ?")
			.param(id.value())
			.query(UUID.class)
			.list());
	}

	public void stop(ProgrammeId id, AccountId coordinator) {
		applications.coordinated(id, coordinator);
		claims.requestStop(id);
		Optional.ofNullable(unfinished.get(id.value()))
			.or(() -> engine.running(id.value()))
			.ifPresent(FormationRun::terminateEarly);
	}

	/**
	 * The weights and the department limit the programme's groups are formed with: the
	 * defaults until changed.
	 */
	public FormationPreferences preferences(ProgrammeId id) {
		return jdbc.sql("""
				select place_participant, earlier_sign_up, preferred_slot, co_mentor_wish, experienced_mentor,
				       department_mix, balanced_sizes, max_same_department
				  from formation_preferences where programme_id = ?""")
			.param(id.value())
			.query((rs,
					n) -> new FormationPreferences(new FormationProblem.Weights(rs.getLong(1), rs.getLong(2),
							rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)), rs.getInt(8)))
			.optional()
			.orElse(FormationPreferences.DEFAULTS);
	}

	/**
	 * Changes the weights and the department limit; the next run and every change by hand
	 * use them.
	 */
	public void changePreferences(ProgrammeId id, FormationPreferences preferences, AccountId coordinator) {
		var programme = applications.coordinated(id, coordinator);
		var w = preferences.weights();
		var now = Timestamp.from(clock.instant());
		transactions.executeWithoutResult(status -> {
			// Two coordinators saving at once: one after the other
			programmes.lock(id);
			jdbc.sql("delete from formation_preferences where programme_id = ?").param(id.value()).update();
			jdbc.sql("""
					insert into formation_preferences (programme_id, place_participant, earlier_sign_up, preferred_slot,
					       co_mentor_wish, experienced_mentor, department_mix, balanced_sizes, max_same_department,
					       changed_by, changed_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id.value(), w.placeParticipant(), w.earlierSignUp(), w.preferredSlot(), w.coMentorWish(),
						w.experiencedMentor(), w.departmentMix(), w.balancedSizes(),
						preferences.maxFromSameDepartment(), coordinator.value(), now)
				.update();
		});
		// The proposal's score by rule follows the new weights at once
		if (running(id).isEmpty()) {
			stored(id).ifPresent(p -> keep(id, evaluate(programme, p.result().groups())));
		}
	}

	/**
	 * The programme, if the viewer coordinates it: the cheap check for requests that need
	 * nothing more.
	 */
	public ProgrammeView programme(ProgrammeId id, AccountId coordinator) {
		return applications.coordinated(id, coordinator);
	}

	/**
	 * The run under way, for the page's progress; the caller has checked access with
	 * {@link #programme}.
	 */
	public Optional<FormationProgress> progress(ProgrammeId id) {
		return running(id);
	}

	/**
	 * A run of this instance that has not stored its proposal yet, or one any instance
	 * has claimed.
	 */
	private Optional<FormationProgress> running(ProgrammeId id) {
		return Optional.ofNullable(unfinished.get(id.value()))
			.map(run -> run.progress() != null ? run.progress()
					: new FormationProgress("", false, 0, 0, Duration.ZERO, false))
			.or(() -> claims.current(id));
	}

	/**
	 * The problem as the solver sees it: accepted participants, ready mentors, the call's
	 * slots and the settings.
	 */
	FormationProblem problem(ProgrammeView programme) {
		var s = programme.settings();
		var preferences = preferences(programme.id());
		var slots = calls.slots(programme.id()).stream().map(Call.Slot::key).toList();
		var ready = training.readyMentors(programme.id());
		var mentors = recruitment.acceptedWithAnswers(programme.id(), RecruitmentRole.MENTOR)
			.stream()
			.filter(m -> ready.contains(m.account()))
			.toList();
		var participants = recruitment.acceptedWithAnswers(programme.id(), RecruitmentRole.PARTICIPANT);
		var wishes = coMentorIndex(mentors);
		var people = new ArrayList<FormationProblem.Person>();
		for (var m : mentors) {
			people.add(person(m, RecruitmentRole.MENTOR, s.campuses(), slots, wishes));
		}
		for (var p : participants) {
			people.add(person(p, RecruitmentRole.PARTICIPANT, s.campuses(), slots, Map.of()));
		}
		return new FormationProblem(slots, Math.max(FormationProblem.MENTORS_PER_GROUP, s.groupMin()),
				Math.max(Math.max(FormationProblem.MENTORS_PER_GROUP, s.groupMin()), s.groupMax()),
				s.allowThreeMentors(), s.campuses(), people, List.of(), preferences.maxFromSameDepartment(),
				preferences.weights());
	}

	private static FormationProblem.Person person(RecruitmentService.Accepted a, RecruitmentRole role,
			List<String> campuses, List<String> slots, Map<String, UUID> wishes) {
		var answers = a.answers();
		var d = answers.details();
		boolean remote = answers.delivery() != SignUpAnswers.Delivery.CAMPUS;
		Set<String> reachable = answers.delivery() == SignUpAnswers.Delivery.REMOTE ? Set.of()
				: d.campuses().isEmpty() && campuses.size() == 1 ? Set.of(campuses.getFirst())
						: Set.copyOf(d.campuses());
		var availability = new HashMap<String, FormationProblem.Availability>();
		d.availability().forEach((slot, value) -> {
			if (slots.contains(slot)) {
				availability.put(slot, value == Call.Availability.PREFERRED ? FormationProblem.Availability.PREFERRED
						: FormationProblem.Availability.POSSIBLE);
			}
		});
		var wish = d.coMentor() == null ? null : wishes.get(d.coMentor().strip().toLowerCase(Locale.ROOT));
		return new FormationProblem.Person(a.account().value(), role, a.arrival(), answers.languages(), remote,
				reachable.stream().filter(campuses::contains).collect(Collectors.toSet()), availability,
				answers.department(), wish != null && !wish.equals(a.account().value()) ? wish : null,
				answers.experience() != null && !answers.experience().isBlank());
	}

	/**
	 * A wished co-mentor is typed as a name or an e-mail address: both find the mentor,
	 * case aside.
	 */
	private Map<String, UUID> coMentorIndex(List<RecruitmentService.Accepted> mentors) {
		var index = new HashMap<String, UUID>();
		accounts.findAll(mentors.stream().map(RecruitmentService.Accepted::account).toList())
			.values()
			.forEach(person -> {
				index.put(person.email().toLowerCase(Locale.ROOT), person.id().value());
				index.putIfAbsent(person.displayName().strip().toLowerCase(Locale.ROOT), person.id().value());
			});
		return index;
	}

	private void keep(ProgrammeId id, FormationResult result) {
		var document = json.writeValueAsString(result);
		var now = Timestamp.from(clock.instant());
		transactions.executeWithoutResult(status -> {
			if (jdbc.sql("update group_proposal set result = ?, formed_at = ? where programme_id = ?")
				.params(document, now, id.value())
				.update() == 0) {
				jdbc.sql("insert into group_proposal (programme_id, result, formed_at) values (?, ?, ?)")
					.params(id.value(), document, now)
					.update();
			}
		});
	}

	/** The stored proposal and when it was formed or last changed. */
	private record Stored(FormationResult result, Instant formedAt) {
	}

	private Optional<Stored> stored(ProgrammeId id) {
		return jdbc.sql("select result, formed_at from group_proposal where programme_id = ?")
			.param(id.value())
			.query((rs, n) -> new Stored(json.readValue(rs.getString(1), FormationResult.class),
					rs.getTimestamp(2).toInstant()))
			.optional();
	}

	/** The proposal with everyone's name, address and the pins, for the page. */
	private Optional<Proposal> proposal(ProgrammeId id) {
		return stored(id).map(stored -> {
			var names = new HashMap<UUID, String>();
			var emails = new HashMap<UUID, String>();
			accounts.findAll(stored.result().people().stream().map(AccountId::new).toList())
				.forEach((account, person) -> {
					names.put(account.value(), person.displayName());
					emails.put(account.value(), person.email());
				});
			return new Proposal(stored.result(), names, emails, pins(id), stored.formedAt());
		});
	}

	/** The proposal as stored, for the coordinator who publishes it. */
	Optional<FormationResult> proposed(ProgrammeId id, AccountId coordinator) {
		applications.coordinated(id, coordinator);
		return stored(id).map(Stored::result);
	}

}
