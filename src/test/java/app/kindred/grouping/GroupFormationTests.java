package app.kindred.grouping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kindred.grouping.internal.FormationProblem;
import app.kindred.grouping.internal.FormationResult;
import app.kindred.grouping.internal.Mode;
import app.kindred.grouping.internal.FormationLimits;
import app.kindred.grouping.internal.FormationProgress;
import app.kindred.grouping.internal.FormationSolver;
import app.kindred.core.Language;
import app.kindred.core.Refused;
import app.kindred.grouping.internal.FormationProblem.Availability;
import app.kindred.grouping.internal.FormationProblem.Person;
import app.kindred.grouping.internal.FormationProblem.PinnedGroup;
import app.kindred.grouping.internal.FormationResult.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import java.util.HashMap;

/**
 * The whole engine on small programmes: construction, local search, the result and its
 * reasons.
 */
class GroupFormationTests {

	private static final String TUE = "TUE1618";

	private static final String WED = "WED1618";

	private static final FormationLimits QUICK = new FormationLimits(Duration.ofSeconds(2), Duration.ofMillis(500));

	private final FormationSolver formation = new FormationSolver();

	private final List<Person> people = new ArrayList<>();

	private long arrival;

	private Person mentor(Language language, String... slots) {
		var mentor = Person.mentor(UUID.randomUUID(), arrival++, Set.of(language), true, Set.of(), possible(slots),
				null, null, false);
		people.add(mentor);
		return mentor;
	}

	private Person participant(Set<Language> languages, boolean remote, Set<String> campuses, String... slots) {
		var participant = Person.participant(UUID.randomUUID(), arrival++, languages, remote, campuses, possible(slots),
				null);
		people.add(participant);
		return participant;
	}

	private Person participant(Language language, String... slots) {
		return participant(Set.of(language), true, Set.of(), slots);
	}

	private static Map<String, Availability> possible(String... slots) {
		var availability = new HashMap<String, Availability>();
		for (var slot : slots) {
			availability.put(slot, Availability.POSSIBLE);
		}
		return availability;
	}

	private FormationProblem problem() {
		return FormationProblem.of(List.of(TUE, WED), 4, 10, List.of("City"), people);
	}

	@Test
	void formsGroupsThatKeepEveryHardRule() {
		for (int i = 0; i < 4; i++) {
			mentor(Language.EN, TUE);
			mentor(Language.FI, WED);
		}
		for (int i = 0; i < 12; i++) {
			participant(Language.EN, TUE, WED);
			participant(Language.FI, WED);
		}
		var result = formation.solve(problem(), QUICK, null);

		assertThat(result.feasible()).isTrue();
		assertThat(result.participantsPlaced()).isEqualTo(24);
		assertThat(result.groups()).hasSize(4).allSatisfy(group -> {
			assertThat(group.mentors()).hasSize(2);
			assertThat(group.size()).isBetween(4, 10);
		});
		var seen = new HashSet<UUID>();
		for (var group : result.groups()) {
			for (var id : concat(group.mentors(), group.participants())) {
				assertThat(seen.add(id)).as("in one group only").isTrue();
				var person = people.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
				assertThat(person.availability()).containsKey(group.slot());
				assertThat(person.languages()).contains(group.language());
				assertThat(person.canReach(group.mode())).isTrue();
			}
		}
		assertThat(result.constraints()).extracting(FormationResult.ConstraintTotal::constraint)
			.contains("Mentors per group", "Place as many participants as possible");
	}

	@Test
	void earlierSignUpsGetTheSeatsWhenNotEveryoneFits() {
		mentor(Language.EN, TUE);
		mentor(Language.EN, TUE);
		var participants = new ArrayList<Person>();
		for (int i = 0; i < 10; i++) {
			participants.add(participant(Language.EN, TUE));
		}
		var result = formation.solve(problem(), QUICK, null);

		assertThat(result.participantsPlaced()).isEqualTo(8);
		assertThat(result.unplaced()).extracting(FormationResult.Unplaced::personId)
			.containsExactlyInAnyOrder(participants.get(8).id(), participants.get(9).id());
		assertThat(result.unplaced()).extracting(FormationResult.Unplaced::reason).containsOnly(Reason.GROUPS_FULL);
	}

	@Test
	void saysWhySomeoneWasLeftOut() {
		mentor(Language.EN, TUE);
		mentor(Language.EN, TUE);
		for (int i = 0; i < 4; i++) {
			participant(Language.EN, TUE);
		}
		var swedish = participant(Language.SV, TUE);
		var wednesdayOnly = participant(Language.EN, WED);
		var nothing = participant(Language.EN);
		var campusOnly = participant(Set.of(Language.EN), false, Set.of("City"), TUE);

		var result = formation.solve(problem(), QUICK, null);

		var reasons = new HashMap<UUID, FormationResult.Unplaced>();
		result.unplaced().forEach(u -> reasons.put(u.personId(), u));
		assertThat(reasons.get(swedish.id()).reason()).isEqualTo(Reason.NO_GROUP_IN_LANGUAGE_AT_SLOT);
		assertThat(reasons.get(swedish.id()).languages()).containsExactly(Language.SV);
		assertThat(reasons.get(swedish.id()).slots()).containsExactly(TUE);
		assertThat(reasons.get(wednesdayOnly.id()).reason()).isEqualTo(Reason.NO_GROUP_IN_LANGUAGE_AT_SLOT);
		assertThat(reasons.get(nothing.id()).reason()).isEqualTo(Reason.NO_SLOT_AVAILABLE);
		assertThat(reasons.get(campusOnly.id()).reason()).isEqualTo(Reason.NO_GROUP_IN_REACHABLE_PLACE);
		assertThat(reasons.get(campusOnly.id()).campuses()).containsExactly("City");
	}

	@Test
	void opensTheGroupAGreedyMissesAndSaysNoGroupingPlacesMore() {
		// Two Finnish mentors meet remotely, two English ones only on campus. A greedy
		// fills
		// the Finnish group with everyone who speaks Finnish, bilinguals included, and
		// the
		// English group never reaches its minimum; the most places one bilingual there.
		mentor(Language.FI, TUE);
		mentor(Language.FI, TUE);
		for (int i = 0; i < 2; i++) {
			people.add(Person.mentor(UUID.randomUUID(), arrival++, Set.of(Language.EN), false, Set.of("City"),
					possible(TUE), null, null, false));
		}
		participant(Language.FI, TUE);
		participant(Language.FI, TUE);
		participant(Set.of(Language.FI, Language.EN), true, Set.of("City"), TUE);
		participant(Set.of(Language.FI, Language.EN), true, Set.of("City"), TUE);
		participant(Set.of(Language.EN), false, Set.of("City"), TUE);
		// Left out whatever the grouping, each for another reason:
		participant(Language.FI);
		participant(Language.FI, WED);
		participant(Language.SV, TUE);
		participant(Set.of(Language.EN), true, Set.of(), TUE);

		var result = formation.solve(problem(), QUICK, null);

		assertThat(result.participantsPlaced()).isEqualTo(5);
		assertThat(result.groups()).hasSize(2);
		assertThat(result.placement().most()).isEqualTo(5);
		assertThat(result.placement().proven()).isTrue();
		assertThat(result.placement().shortfalls()).containsExactlyInAnyOrder(
				new FormationResult.Shortfall(FormationResult.Cause.NO_TIME, 1),
				new FormationResult.Shortfall(FormationResult.Cause.NO_MENTORS_AT_THEIR_TIMES, 1),
				new FormationResult.Shortfall(FormationResult.Cause.NO_MENTORS_IN_THEIR_LANGUAGE, 1),
				new FormationResult.Shortfall(FormationResult.Cause.NO_MENTORS_IN_THEIR_PLACE, 1));
	}

	@Test
	void aThirdMentorBringsAGroupToItsMinimum() {
		// Minimum five with mentors: two participants are enough only with three mentors,
		// which the exact model counts and a search over pairs alone did not.
		for (int i = 0; i < 3; i++) {
			mentor(Language.EN, TUE);
		}
		participant(Language.EN, TUE);
		participant(Language.EN, TUE);
		var problem = FormationProblem.of(List.of(TUE, WED), 5, 10, List.of(), people).withThreeMentorsAllowed(true);

		var result = formation.solve(problem, QUICK, null);

		assertThat(result.participantsPlaced()).isEqualTo(2);
		assertThat(result.groups()).singleElement().satisfies(g -> assertThat(g.mentors()).hasSize(3));
		assertThat(result.placement().most()).isEqualTo(2);
		assertThat(result.placement().proven()).isTrue();
	}

	@Test
	void mentorsAndSeatsTakenIsWhatMoreMentorsWouldSolve() {
		mentor(Language.EN, TUE);
		mentor(Language.EN, TUE);
		for (int i = 0; i < 11; i++) {
			participant(Language.EN, TUE);
		}

		var result = formation.solve(problem(), QUICK, null);

		assertThat(result.participantsPlaced()).isEqualTo(8);
		assertThat(result.placement().most()).isEqualTo(8);
		assertThat(result.placement().shortfalls())
			.containsExactly(new FormationResult.Shortfall(FormationResult.Cause.MENTORS_AND_SEATS_TAKEN, 3));
	}

	@Test
	void keepsPinnedGroupsAndTheirMembers() {
		var first = mentor(Language.EN, TUE, WED);
		var second = mentor(Language.EN, TUE, WED);
		var pinnedParticipant = participant(Language.EN, TUE, WED);
		for (int i = 0; i < 5; i++) {
			participant(Language.EN, TUE, WED);
		}
		var pinId = UUID.randomUUID();
		var pin = new PinnedGroup(pinId, WED, Language.EN, Mode.REMOTE,
				Set.of(first.id(), second.id(), pinnedParticipant.id()));
		var result = formation.solve(problem().withPinnedGroups(List.of(pin)), QUICK, null);

		var group = result.groups().stream().filter(g -> g.id().equals(pinId)).findFirst().orElseThrow();
		assertThat(group.slot()).isEqualTo(WED);
		assertThat(group.mentors()).containsExactlyInAnyOrder(first.id(), second.id());
		assertThat(group.participants()).contains(pinnedParticipant.id()).hasSize(6);
		assertThat(result.groups()).hasSize(1);
	}

	@Test
	void prefersEveryoneAtAPreferredSlot() {
		for (int i = 0; i < 2; i++) {
			mentor(Language.EN, TUE, WED);
		}
		for (int i = 0; i < 6; i++) {
			var p = Person.participant(UUID.randomUUID(), arrival++, Set.of(Language.EN), true, Set.of(),
					Map.of(TUE, Availability.POSSIBLE, WED, Availability.PREFERRED), null);
			people.add(p);
		}
		var result = formation.solve(problem(), QUICK, null);
		assertThat(result.groups()).singleElement().extracting(FormationResult.Group::slot).isEqualTo(WED);
	}

	@Test
	void refusesTheSamePersonTwice() {
		var person = participant(Language.EN, TUE);
		people.add(person);
		assertThatThrownBy(this::problem).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
	}

	@Test
	void refusesToPinSomeoneToTwoGroups() {
		var person = participant(Language.EN, TUE);
		var pins = List.of(new PinnedGroup(UUID.randomUUID(), TUE, Language.EN, Mode.REMOTE, Set.of(person.id())),
				new PinnedGroup(UUID.randomUUID(), WED, Language.EN, Mode.REMOTE, Set.of(person.id())));
		assertThatThrownBy(() -> problem().withPinnedGroups(pins)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("two groups");
	}

	@Test
	void runsOncePerProgrammeReportsProgressAndStopsEarly() throws Exception {
		for (int i = 0; i < 20; i++) {
			mentor(i % 2 == 0 ? Language.EN : Language.FI, TUE, WED);
		}
		for (int i = 0; i < 80; i++) {
			participant(Set.of(i % 3 == 0 ? Language.FI : Language.EN), true, Set.of(), i % 2 == 0 ? TUE : WED);
		}
		var programme = UUID.randomUUID();
		var progress = new CopyOnWriteArrayList<FormationProgress>();
		var run = formation.start(programme, problem(), FormationLimits.of(Duration.ofMinutes(5)), progress::add);

		assertThat(formation.running(programme)).contains(run);
		assertThatThrownBy(() -> formation.start(programme, problem(), QUICK, null))
			.isInstanceOfSatisfying(Refused.class, r -> assertThat(r.key()).isEqualTo("grouping.alreadyRunning"));

		run.terminateEarly();
		var result = run.result().get(30, TimeUnit.SECONDS);
		assertThat(result.elapsed()).isLessThan(Duration.ofMinutes(1));
		assertThat(result.feasible()).isTrue();
		assertThat(progress).isNotEmpty();
		assertThat(progress.getLast().finished()).isTrue();
		assertThat(progress.getLast().participantsPlaced()).isEqualTo(result.participantsPlaced());
		assertThat(formation.running(programme)).isEmpty();
	}

	private static List<UUID> concat(List<UUID> a, List<UUID> b) {
		var all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
