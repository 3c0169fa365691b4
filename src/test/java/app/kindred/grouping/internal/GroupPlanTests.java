package app.kindred.grouping.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kindred.core.Language;
import app.kindred.grouping.internal.FormationProblem.Availability;
import app.kindred.grouping.internal.FormationProblem.Person;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The search over group counts, its flows, and the construction that uses it. */
class GroupPlanTests {

	private static final Rules RULES = new Rules(4, 10, 2, 3);

	private static final int X = 0;

	private static final int Y = 1;

	private static final int Z = 2;

	/**
	 * Mentors a (X or Y), b (X or Z), c (Y only), d (Z only); 8 participants for X only,
	 * 6 for Y only, 6 for Z only. The pair that fills the most seats at once, a and b in
	 * X, strands c and d: 8 placed. a with c in Y and b with d in Z place 12.
	 */
	private static final int[][] MENTORS = { { X, Y }, { X, Z }, { Y }, { Z } };

	private static int[][] participants() {
		var participants = new ArrayList<int[]>();
		for (int i = 0; i < 8; i++) {
			participants.add(new int[] { X });
		}
		for (int i = 0; i < 6; i++) {
			participants.add(new int[] { Y });
			participants.add(new int[] { Z });
		}
		return participants.toArray(int[][]::new);
	}

	@Test
	void scoresCountsByTheirFlows() {
		var plan = new GroupPlan(3, RULES, MENTORS, participants(), new int[3]);

		assertThat(plan.score(new int[] { 1, 0, 0 })).isEqualTo(new GroupPlan.Score(8, 0, 0));
		assertThat(plan.score(new int[] { 0, 1, 1 })).isEqualTo(new GroupPlan.Score(12, 0, 0));
		// Three groups need six mentors; there are four.
		assertThat(plan.score(new int[] { 1, 1, 1 }).missingMentors()).isEqualTo(2);
		// Three groups in Y need six mentors; two can come.
		assertThat(plan.score(new int[] { 0, 3, 0 })).isEqualTo(new GroupPlan.Score(6, 4, 0));
		assertThat(plan.upperLimit()).isEqualTo(16);
	}

	@Test
	void findsTheCountsAGreedyMisses() {
		var plan = new GroupPlan(3, RULES, MENTORS, participants(), new int[3]);

		var best = plan.improve(new int[] { 1, 0, 0 }, System.nanoTime() + Duration.ofSeconds(5).toNanos(), 20_000,
				() -> false, 1L);

		assertThat(best).containsExactly(0, 1, 1);
		var mentors = plan.mentorAssignment();
		// a (class 0) to Y, b (class 1) to Z, c to Y, d to Z.
		assertThat(mentors[0]).containsExactly(0, 1);
		assertThat(mentors[1]).containsExactly(0, 1);
	}

	@Test
	void keepsTheStartWhenNothingBeatsIt() {
		var plan = new GroupPlan(3, RULES, MENTORS, participants(), new int[3]);

		var best = plan.improve(new int[] { 0, 1, 1 }, System.nanoTime() + Duration.ofSeconds(5).toNanos(), 2_000,
				() -> false, 1L);

		assertThat(plan.score(best).placed()).isEqualTo(12);
	}

	@Test
	void pinnedSeatsCountWithoutGroups() {
		var fixed = new int[3];
		fixed[X] = 8;
		var plan = new GroupPlan(3, RULES, MENTORS, participants(), fixed);

		assertThat(plan.score(new int[] { 0, 1, 1 })).isEqualTo(new GroupPlan.Score(20, 0, 0));
	}

	@Test
	void maxFlowUndoesAMoveAndSendsBackWhatNoLongerFits() {
		// source 0, sink 1, a class 2 of 5 people able to meet in types 3 and 4.
		var flow = new MaxFlow(5, 5);
		flow.addEdge(0, 2, 5);
		flow.addEdge(2, 3, 5);
		flow.addEdge(2, 4, 5);
		int toSink3 = flow.addEdge(3, 1, 3);
		int toSink4 = flow.addEdge(4, 1, 1);
		assertThat(flow.augment(0, 1)).isEqualTo(4);

		flow.mark();
		flow.setSinkCapacity(toSink3, 1, 0);
		assertThat(flow.total()).isEqualTo(2);
		flow.setSinkCapacity(toSink4, 4, 0);
		assertThat(flow.augment(0, 1)).isEqualTo(3);
		assertThat(flow.total()).isEqualTo(5);
		flow.rollback();

		assertThat(flow.total()).isEqualTo(4);
		assertThat(flow.flow(toSink3)).isEqualTo(3);
		assertThat(flow.flow(toSink4)).isEqualTo(1);
		assertThat(flow.capacity(toSink3)).isEqualTo(3);
		assertThat(flow.capacity(toSink4)).isEqualTo(1);
		assertThat(flow.augment(0, 1)).isZero();
	}

	@Test
	void theConstructionPairsMentorsSoThatNoneIsStranded() {
		var people = new ArrayList<Person>();
		people.add(mentor("TUE", "WED"));
		people.add(mentor("TUE", "THU"));
		people.add(mentor("WED"));
		people.add(mentor("THU"));
		for (int i = 0; i < 8; i++) {
			people.add(participant(people.size(), "TUE"));
		}
		for (int i = 0; i < 6; i++) {
			people.add(participant(people.size(), "WED"));
			people.add(participant(people.size(), "THU"));
		}
		var problem = FormationProblem.of(List.of("TUE", "WED", "THU"), 4, 10, List.of(), people);

		assertThat(construct(problem, Duration.ZERO).participantsPlaced()).as("the greedy alone").isEqualTo(8);
		var solution = construct(problem, Duration.ofSeconds(5));
		assertThat(solution.participantsPlaced()).isEqualTo(12);
		assertThat(solution.getGroups()).hasSize(2).allSatisfy(group -> {
			assertThat(group.mentorCount()).isEqualTo(2);
			assertThat(group.getMembers()).hasSize(8).allMatch(member -> member.canJoin(group));
		});
	}

	@Test
	void theConstructionFillsEveryGroupsMinimumBeforeTheRest() {
		// Two groups' worth of mentors for X; 9 participants for X, 3 of them also for Y
		// where two other mentors are.
		var people = new ArrayList<Person>();
		for (int i = 0; i < 4; i++) {
			people.add(mentor("TUE"));
		}
		people.add(mentor("WED"));
		people.add(mentor("WED"));
		for (int i = 0; i < 6; i++) {
			people.add(participant(people.size(), "TUE"));
		}
		for (int i = 0; i < 3; i++) {
			people.add(participant(people.size(), "TUE", "WED"));
		}
		var problem = FormationProblem.of(List.of("TUE", "WED"), 4, 10, List.of(), people);

		var solution = construct(problem, Duration.ofSeconds(5));

		assertThat(solution.participantsPlaced()).isEqualTo(9);
		assertThat(solution.getGroups()).allSatisfy(group -> assertThat(group.getMembers().size()).isBetween(4, 10));
	}

	private static FormationSolution construct(FormationProblem problem, Duration budget) {
		var solution = SolutionBuilder.build(problem);
		InitialAssignment.apply(solution, RULES, UUID::randomUUID, budget, () -> false);
		return solution;
	}

	private static Person mentor(String... slots) {
		return Person.mentor(UUID.randomUUID(), 0, Set.of(Language.EN), true, Set.of(), possible(slots), null, null,
				false);
	}

	private static Person participant(long arrival, String... slots) {
		return Person.participant(UUID.randomUUID(), arrival, Set.of(Language.EN), true, Set.of(), possible(slots),
				null);
	}

	private static Map<String, Availability> possible(String... slots) {
		var availability = new HashMap<String, Availability>();
		for (var slot : slots) {
			availability.put(slot, Availability.POSSIBLE);
		}
		return availability;
	}

}
