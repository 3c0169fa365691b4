package app.kindred.grouping.internal;

import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import app.kindred.core.Language;
import app.kindred.grouping.internal.FormationProblem.Weights;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A hand-made solution to score, rule by rule: what Timefold's ConstraintVerifier would
 * do (its test artefact does not resolve here), through the public SolutionManager.
 */
final class Scenario {

	static final SlotRef TUE = new SlotRef(0, "TUE1618");
	static final SlotRef WED = new SlotRef(1, "WED1618");
	static final ModeRef REMOTE = new ModeRef(0, Mode.REMOTE);
	static final ModeRef CITY = new ModeRef(1, Mode.onCampus("City"));
	static final long BOTH_SLOTS = 0b11;
	static final long BOTH_MODES = 0b11;

	private static final SolutionManager<FormationSolution, HardSoftLongScore> SCORING = SolutionManager
		.create(SolverFactory.create(SolverSetup.config(Duration.ofSeconds(1), null)));

	private final Rules rules;

	private final Weights weights;

	private final List<GroupEntity> groups = new ArrayList<>();

	private final List<PersonEntity> people = new ArrayList<>();

	Scenario() {
		this(new Rules(4, 10, 2, 3), Weights.DEFAULTS);
	}

	Scenario(Rules rules, Weights weights) {
		this.rules = rules;
		this.weights = weights;
	}

	GroupEntity group(SlotRef slot, Language language, ModeRef mode) {
		var group = new GroupEntity(groups.size(), UUID.randomUUID(), rules, slot, language, mode);
		groups.add(group);
		return group;
	}

	/**
	 * A group at Tuesday, English, remote, with two experienced mentors and the given
	 * number of participants.
	 */
	GroupEntity fullyStaffed(int participants) {
		var group = group(TUE, Language.EN, REMOTE);
		join(group, mentor().experienced(true).build(), mentor().experienced(true).build());
		for (int i = 0; i < participants; i++) {
			join(group, participant().build());
		}
		return group;
	}

	Builder mentor() {
		return new Builder(true);
	}

	Builder participant() {
		return new Builder(false);
	}

	void join(GroupEntity group, PersonEntity... members) {
		for (var member : members) {
			if (member.getGroup() != null) {
				member.getGroup().getMembers().remove(member);
			}
			member.setGroup(group);
			if (group != null) {
				group.getMembers().add(member);
			}
		}
	}

	/**
	 * The constraint's share of the score: hard if it has one, else soft; 0 when it does
	 * not match.
	 */
	long score(String constraint) {
		var analysis = analyze().getConstraintAnalysis(constraint);
		if (analysis == null) {
			throw new AssertionError("No constraint named " + constraint);
		}
		var score = analysis.score();
		return score.hardScore() != 0 ? score.hardScore() : score.softScore();
	}

	HardSoftLongScore total() {
		return analyze().score();
	}

	private ScoreAnalysis<HardSoftLongScore> analyze() {
		var solution = SolutionBuilder.build(new FormationProblem(List.of(TUE.key(), WED.key()), rules.minSize(),
				rules.maxSize(), rules.maxMentors() > 2, List.of("City"), List.of(), List.of(),
				rules.maxFromSameDepartment(), weights));
		var scenario = new FormationSolution(List.of(TUE, WED), List.of(Language.values()), List.of(REMOTE, CITY),
				groups, people, solution.getConstraintWeightOverrides());
		return SCORING.analyze(scenario);
	}

	final class Builder {

		private final boolean mentor;

		private long slots = BOTH_SLOTS;

		private long preferred = BOTH_SLOTS;

		private int languages = PersonEntity.languageBit(Language.EN);

		private long modes = BOTH_MODES;

		private int department = -1;

		private int mutualWish = -1;

		private boolean experienced;

		private int earliness;

		Builder(boolean mentor) {
			this.mentor = mentor;
		}

		Builder slots(long mask) {
			this.slots = mask;
			this.preferred &= mask;
			return this;
		}

		Builder preferred(long mask) {
			this.preferred = mask;
			return this;
		}

		Builder speaks(Language... spoken) {
			languages = 0;
			for (var language : spoken) {
				languages |= PersonEntity.languageBit(language);
			}
			return this;
		}

		Builder modes(long mask) {
			this.modes = mask;
			return this;
		}

		Builder department(int value) {
			this.department = value;
			return this;
		}

		Builder mutualWish(int index) {
			this.mutualWish = index;
			return this;
		}

		Builder experienced(boolean value) {
			this.experienced = value;
			return this;
		}

		Builder earliness(int value) {
			this.earliness = value;
			return this;
		}

		PersonEntity build() {
			var person = new PersonEntity(people.size(), UUID.randomUUID(), mentor, earliness, slots, preferred,
					languages, modes, department, mutualWish, experienced);
			people.add(person);
			return person;
		}

	}

}
