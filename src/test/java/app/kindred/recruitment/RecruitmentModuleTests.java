package app.kindred.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

import app.kindred.TestData;
import app.kindred.core.Language;
import app.kindred.programme.EligibilityKind;
import app.kindred.programme.ProgrammeId;
import app.kindred.programme.ProgrammeSettingsChanged;

/**
 * Recruitment on its own, with only the modules it needs (core, identity, organisation,
 * programme): its one listener keeps the seat pools in step with the programme's seat
 * numbers. It needs the database, so it runs with the unit tests on H2 (and on PostgreSQL
 * where {@code KINDRED_DB_URL} points there), but starts a smaller context than the
 * integration tests.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class RecruitmentModuleTests {

	/**
	 * The tests' shared fixtures sit in the application's root package, which every
	 * module test scans; TestGroups builds groups through modules not started here.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class WithoutTestGroups {

		@Bean
		static BeanDefinitionRegistryPostProcessor withoutTestGroups() {
			return registry -> registry.removeBeanDefinition("testGroups");
		}

	}

	@Autowired
	TestData data;

	@Autowired
	RecruitmentService recruitment;

	@Autowired
	JdbcClient jdbc;

	@Test
	void addedSeatsGoToTheFirstOnTheWaitingListAtOnce(Scenario scenario) {
		var programme = programme(1);
		var people = signUpAll(programme, "first", "second", "third");
		assertThat(states(programme, people)).containsExactly("SEATED 0", "WAITING 1", "WAITING 2");

		scenario.publish(new ProgrammeSettingsChanged(programme, 3, 2))
			.andWaitForStateChange(() -> states(programme, people), s -> s.get(1).equals("SEATED 0"))
			.andVerifyEvents(events -> assertThat(events).contains(ApplicantPromoted.class)
				.matching(ApplicantPromoted::account, people.get(1).id()));
		assertThat(states(programme, people)).containsExactly("SEATED 0", "SEATED 0", "WAITING 1");
		assertThat(seatPool(programme)).isEqualTo("2 2");
		assertThat(recruitment.accepted(programme, RecruitmentRole.PARTICIPANT)).containsExactly(people.get(0).id(),
				people.get(1).id());
	}

	@Test
	void fewerSeatsNeverUnseatAnyone(Scenario scenario) {
		var programme = programme(2);
		var people = signUpAll(programme, "first", "second", "third");
		assertThat(states(programme, people)).containsExactly("SEATED 0", "SEATED 0", "WAITING 1");

		scenario.publish(new ProgrammeSettingsChanged(programme, 3, 1))
			.andWaitForStateChange(() -> seatPool(programme), pool -> pool.equals("1 2"))
			.andVerifyEvents(events -> assertThat(events.ofType(ApplicantPromoted.class)).isEmpty());
		assertThat(states(programme, people)).containsExactly("SEATED 0", "SEATED 0", "WAITING 1");

		// Nobody waits for a freed place now: it stays with the pool until it falls below
		// the new number of seats
		recruitment.withdraw(programme, RecruitmentRole.PARTICIPANT, people.get(0).id());
		assertThat(states(programme, people)).containsExactly("WITHDRAWN 0", "SEATED 0", "WAITING 1");
		assertThat(seatPool(programme)).isEqualTo("1 1");
	}

	private ProgrammeId programme(int seats) {
		return data.programme(data.staff(), true,
				data.settings(seats, data.now().minus(Duration.ofDays(1)), EligibilityKind.NONE, null));
	}

	private List<TestData.Person> signUpAll(ProgrammeId programme, String... names) {
		var view = recruitment.programme(programme);
		return List.of(names).stream().map(name -> {
			var person = data.person(name);
			recruitment.signUp(view, RecruitmentRole.PARTICIPANT, person.id(),
					new SignUpAnswers(EnumSet.of(Language.EN), SignUpAnswers.Delivery.REMOTE, null, null, null, false,
							SignUpAnswers.Details.NONE));
			return person;
		}).toList();
	}

	private List<String> states(ProgrammeId programme, List<TestData.Person> people) {
		return people.stream()
			.map(p -> recruitment.find(programme, RecruitmentRole.PARTICIPANT, p.id()).orElseThrow())
			.map(a -> a.state() + " " + a.position())
			.toList();
	}

	/** The participants' pool as "capacity seated". */
	private String seatPool(ProgrammeId programme) {
		return jdbc.sql("select capacity, seated from seat_pool where programme_id = ? and role = 'PARTICIPANT'")
			.param(programme.value())
			.query((rs, n) -> rs.getInt(1) + " " + rs.getInt(2))
			.single();
	}

}
