package app.kindred.grouping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import app.kindred.TestData;
import app.kindred.core.Language;
import app.kindred.grouping.internal.PublishedGroupStore;
import app.kindred.identity.AccountId;
import app.kindred.programme.ProgrammeId;
import app.kindred.recruitment.ApplicationState;
import app.kindred.recruitment.ApplicationWithdrawn;
import app.kindred.recruitment.CoordinatorDecided;
import app.kindred.recruitment.Decision;
import app.kindred.recruitment.RecruitmentRole;

/**
 * Grouping on its own, with the modules it needs: someone who loses their place in
 * recruitment leaves their published group by themselves, the change is audited without
 * an actor, and the group's mentors are told through the events; a decision that keeps
 * the place changes nothing.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@Import(TestData.class)
class RecruitmentFollowerModuleTests {

	@Autowired
	TestData data;

	@Autowired
	PublishedGroupStore groups;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventPublicationRegistry publications;

	@Test
	void someoneWhoWithdrawsLeavesTheirGroupAndItsMentorsAreTold(Scenario scenario) {
		var c = cohort();

		scenario
			.publish(new ApplicationWithdrawn(UUID.randomUUID(), c.programme(), RecruitmentRole.PARTICIPANT,
					c.participant(), ApplicationState.SEATED, false))
			.andWaitForEventOfType(PublishedGroupChanged.class)
			.matching(e -> e.person().equals(c.participant()))
			.toArriveAndVerify(e -> {
				assertThat(e.how()).isEqualTo(PublishedGroupChanged.How.WITHDREW);
				assertThat(e.role()).isEqualTo(RecruitmentRole.PARTICIPANT);
				assertThat(e.from()).isEqualTo(c.group());
				assertThat(e.to()).isNull();
				assertThat(e.fromMentors()).containsExactlyInAnyOrderElementsOf(c.mentors());
				assertThat(e.toMentors()).isEmpty();
			});

		assertThat(groups.membership(c.programme(), c.participant().value())).isEmpty();
		assertThat(audit(c.programme()))
			.containsExactly(new Audited(null, "WITHDREW", c.participant().value(), "PARTICIPANT", c.group(), null));
	}

	@Test
	void aDeclineTakesThePlaceInTheGroupButASeatDoesNot(Scenario scenario) {
		var c = cohort();
		var seated = new CoordinatorDecided(UUID.randomUUID(), c.programme(), RecruitmentRole.MENTOR,
				c.mentors().getFirst(), Decision.ACCEPT, ApplicationState.SEATED, 0);

		scenario.publish(seated)
			.andWaitForStateChange(() -> handled(seated), done -> done)
			.andVerify(done -> assertThat(groups.membership(c.programme(), c.mentors().getFirst().value()))
				.contains(new PublishedGroupStore.Membership(c.group(), RecruitmentRole.MENTOR)));
		assertThat(audit(c.programme())).isEmpty();

		scenario
			.publish(new CoordinatorDecided(UUID.randomUUID(), c.programme(), RecruitmentRole.PARTICIPANT,
					c.participant(), Decision.DECLINE, ApplicationState.DECLINED, 0))
			.andWaitForEventOfType(GroupMembershipChanged.class)
			.matching(e -> e.person().equals(c.participant()))
			.toArriveAndVerify(e -> {
				assertThat(e.group()).isEqualTo(c.group());
				assertThat(e.change()).isEqualTo(GroupMembershipChanged.Change.LEFT);
			});

		assertThat(groups.membership(c.programme(), c.participant().value())).isEmpty();
		assertThat(audit(c.programme()))
			.containsExactly(new Audited(null, "LOST_PLACE", c.participant().value(), "PARTICIPANT", c.group(), null));
	}

	// ----------------------------------------------------------------------------------------------------------

	/** A published programme with one group of two mentors and a participant. */
	private Cohort cohort() {
		var staff = data.staff();
		var programme = data.programme(staff, true);
		var group = UUID.randomUUID();
		var mentors = List.of(data.person("mentor").id(), data.person("mentor").id());
		var participant = data.person("participant").id();
		groups.addGroup(programme, group, 1, "TUE1615", Language.EN, null, Instant.now());
		mentors.forEach(m -> groups.addMember(programme, group, m.value(), RecruitmentRole.MENTOR));
		groups.addMember(programme, group, participant.value(), RecruitmentRole.PARTICIPANT);
		return new Cohort(programme, group, mentors, participant);
	}

	private record Cohort(ProgrammeId programme, UUID group, List<AccountId> mentors, AccountId participant) {
	}

	/** Whether every listener of the event has finished with it. */
	private boolean handled(Object event) {
		return publications.findIncompletePublications().stream().noneMatch(p -> p.getEvent().equals(event));
	}

	private record Audited(UUID actor, String action, UUID person, String role, UUID from, UUID to) {
	}

	private List<Audited> audit(ProgrammeId programme) {
		return jdbc.sql("""
				select actor_id, action, account_id, role, from_group, to_group from group_change
				 where programme_id = ? order by at""")
			.param(programme.value())
			.query((rs, n) -> new Audited(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getString(4), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class)))
			.list();
	}

}
