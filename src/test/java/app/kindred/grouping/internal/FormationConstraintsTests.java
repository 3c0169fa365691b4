package app.kindred.grouping.internal;

import static app.kindred.grouping.internal.FormationConstraints.BALANCED_SIZES;
import static app.kindred.grouping.internal.FormationConstraints.COMMON_LANGUAGE;
import static app.kindred.grouping.internal.FormationConstraints.COMMON_SLOT;
import static app.kindred.grouping.internal.FormationConstraints.CO_MENTOR_WISH;
import static app.kindred.grouping.internal.FormationConstraints.DEPARTMENT_MIX;
import static app.kindred.grouping.internal.FormationConstraints.EARLIER_SIGN_UP;
import static app.kindred.grouping.internal.FormationConstraints.EXPERIENCED_MENTOR;
import static app.kindred.grouping.internal.FormationConstraints.GROUP_SIZE;
import static app.kindred.grouping.internal.FormationConstraints.MENTORS_PER_GROUP;
import static app.kindred.grouping.internal.FormationConstraints.PARTICIPANT_PLACED;
import static app.kindred.grouping.internal.FormationConstraints.PREFERRED_SLOT;
import static app.kindred.grouping.internal.FormationConstraints.REACHABLE_MODE;
import static app.kindred.grouping.internal.Scenario.CITY;
import static app.kindred.grouping.internal.Scenario.REMOTE;
import static app.kindred.grouping.internal.Scenario.TUE;
import static app.kindred.grouping.internal.Scenario.WED;
import static org.assertj.core.api.Assertions.assertThat;

import app.kindred.core.Language;
import app.kindred.grouping.internal.FormationProblem.Weights;
import org.junit.jupiter.api.Test;

/**
 * Each rule, scored on a hand-made proposal: a violation costs what it should, and a kept
 * rule costs nothing.
 */
class FormationConstraintsTests {

	private final Scenario scenario = new Scenario();

	@Test
	void aGroupNeedsTwoMentors() {
		var group = scenario.group(TUE, Language.EN, REMOTE);
		scenario.join(group, scenario.mentor().build());
		for (int i = 0; i < 4; i++) {
			scenario.join(group, scenario.participant().build());
		}
		assertThat(scenario.score(MENTORS_PER_GROUP)).isEqualTo(-1);

		scenario.join(group, scenario.mentor().build());
		assertThat(scenario.score(MENTORS_PER_GROUP)).isZero();
	}

	@Test
	void aThirdMentorOnlyWhereAllowed() {
		var group = scenario.fullyStaffed(4);
		scenario.join(group, scenario.mentor().build());
		assertThat(scenario.score(MENTORS_PER_GROUP)).isEqualTo(-1);

		var allowed = new Scenario(new Rules(4, 10, 3, 3), Weights.DEFAULTS);
		var three = allowed.fullyStaffed(4);
		allowed.join(three, allowed.mentor().build());
		assertThat(allowed.score(MENTORS_PER_GROUP)).isZero();
	}

	@Test
	void everyMemberCanAttendTheSlot() {
		var group = scenario.fullyStaffed(3);
		scenario.join(group, scenario.participant().slots(0b10).build());
		assertThat(scenario.score(COMMON_SLOT)).isEqualTo(-1);

		group.setSlot(WED);
		assertThat(scenario.score(COMMON_SLOT)).isZero();
	}

	@Test
	void everyMemberTakesPartInTheLanguage() {
		var group = scenario.fullyStaffed(3);
		scenario.join(group, scenario.participant().speaks(Language.FI).build());
		assertThat(scenario.score(COMMON_LANGUAGE)).isEqualTo(-1);

		scenario.join(group, scenario.participant().speaks(Language.FI, Language.EN).build());
		assertThat(scenario.score(COMMON_LANGUAGE)).isEqualTo(-1);
	}

	@Test
	void everyMemberCanReachThePlace() {
		var group = scenario.fullyStaffed(3);
		var campusOnly = scenario.participant().modes(0b10).build();
		scenario.join(group, campusOnly);
		assertThat(scenario.score(REACHABLE_MODE)).isEqualTo(-1);

		group.setMode(CITY);
		assertThat(scenario.score(REACHABLE_MODE)).isZero();
	}

	@Test
	void sizeStaysWithinTheLimits() {
		var small = scenario.fullyStaffed(1);
		assertThat(scenario.score(GROUP_SIZE)).isEqualTo(-1);

		scenario.join(small, scenario.participant().build());
		assertThat(scenario.score(GROUP_SIZE)).isZero();

		var large = scenario.fullyStaffed(10);
		assertThat(scenario.score(GROUP_SIZE)).isEqualTo(-2);
		assertThat(large.getMembers()).hasSize(12);
	}

	@Test
	void anEmptyGroupBreaksNoRule() {
		scenario.group(TUE, Language.EN, REMOTE);
		assertThat(scenario.total().hardScore()).isZero();
	}

	@Test
	void everyUnplacedParticipantCosts() {
		scenario.fullyStaffed(3);
		scenario.participant().build();
		scenario.mentor().build();
		assertThat(scenario.score(PARTICIPANT_PLACED)).isEqualTo(-Weights.DEFAULTS.placeParticipant());
	}

	@Test
	void leavingOutAnEarlierSignUpCostsMore() {
		scenario.fullyStaffed(3);
		scenario.participant().earliness(1000).build();
		assertThat(scenario.score(EARLIER_SIGN_UP)).isEqualTo(-1000 * Weights.DEFAULTS.earlierSignUp());

		var later = new Scenario();
		later.fullyStaffed(3);
		later.participant().earliness(10).build();
		assertThat(later.score(EARLIER_SIGN_UP)).isEqualTo(-10 * Weights.DEFAULTS.earlierSignUp());
	}

	@Test
	void membersMeetAtTheirPreferredSlot() {
		var group = scenario.fullyStaffed(2);
		scenario.join(group, scenario.participant().preferred(0b10).build());
		assertThat(scenario.score(PREFERRED_SLOT)).isEqualTo(-Weights.DEFAULTS.preferredSlot());

		// The others prefer both slots.
		group.setSlot(WED);
		assertThat(scenario.score(PREFERRED_SLOT)).isZero();
	}

	@Test
	void mutualCoMentorsWorkTogether() {
		var first = scenario.group(TUE, Language.EN, REMOTE);
		var second = scenario.group(WED, Language.EN, REMOTE);
		var anna = scenario.mentor().mutualWish(1).build();
		var ben = scenario.mentor().mutualWish(0).build();
		scenario.join(first, anna);
		scenario.join(second, ben);
		assertThat(scenario.score(CO_MENTOR_WISH)).isEqualTo(-Weights.DEFAULTS.coMentorWish());

		scenario.join(first, ben);
		assertThat(scenario.score(CO_MENTOR_WISH)).isZero();

		scenario.join(null, anna, ben);
		assertThat(scenario.score(CO_MENTOR_WISH)).isEqualTo(-Weights.DEFAULTS.coMentorWish());
	}

	@Test
	void aFirstTimeMentorWorksWithAnExperiencedOne() {
		var group = scenario.group(TUE, Language.EN, REMOTE);
		var newcomer = scenario.mentor().build();
		var other = scenario.mentor().build();
		scenario.join(group, newcomer, other);
		assertThat(scenario.score(EXPERIENCED_MENTOR)).isEqualTo(-2 * Weights.DEFAULTS.experiencedMentor());

		scenario.join(null, other);
		scenario.join(group, scenario.mentor().experienced(true).build());
		assertThat(scenario.score(EXPERIENCED_MENTOR)).isZero();
	}

	@Test
	void atMostSoManyFromOneDepartment() {
		var group = scenario.fullyStaffed(0);
		for (int i = 0; i < 5; i++) {
			scenario.join(group, scenario.participant().department(7).build());
		}
		scenario.join(group, scenario.participant().department(8).build());
		assertThat(scenario.score(DEPARTMENT_MIX)).isEqualTo(-2 * Weights.DEFAULTS.departmentMix());
	}

	@Test
	void balancedSizesCostLessThanUnevenOnes() {
		scenario.fullyStaffed(6);
		scenario.fullyStaffed(2);
		assertThat(scenario.score(BALANCED_SIZES)).isEqualTo(-(36 + 4));

		var even = new Scenario();
		even.fullyStaffed(4);
		even.fullyStaffed(4);
		assertThat(even.score(BALANCED_SIZES)).isEqualTo(-(16 + 16));
	}

	@Test
	void weightsCanBeChanged() {
		var custom = new Scenario(new Rules(4, 10, 2, 3), new Weights(1, 0, 7, 0, 0, 0, 0));
		var group = custom.fullyStaffed(2);
		custom.join(group, custom.participant().preferred(0b10).build());
		custom.participant().build();
		assertThat(custom.score(PREFERRED_SLOT)).isEqualTo(-7);
		assertThat(custom.score(PARTICIPANT_PLACED)).isEqualTo(-1);
	}

}
