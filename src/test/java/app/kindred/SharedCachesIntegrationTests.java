package app.kindred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import app.kindred.core.NotFoundException;
import app.kindred.organisation.OrganisationService;
import app.kindred.organisation.OrganisationSettings;
import app.kindred.organisation.Role;
import app.kindred.programme.ProgrammeService;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.CallService;
import app.kindred.recruitment.RecruitmentRole;

/**
 * What pages read on every request (a programme's public view, its sign-up form, the
 * organisations in a person's menu) is kept in each instance's memory, and a change made
 * through one instance reaches another that already keeps the old value. On PostgreSQL
 * values are kept until changed (a minute at most), so the few seconds allowed here pass
 * only because the change is announced (NOTIFY); on H2, without it, values are kept for a
 * second.
 */
@SpringBootTest
class SharedCachesIntegrationTests {

	/**
	 * Well under the minute a value is kept on PostgreSQL when nothing announces a
	 * change.
	 */
	private static final Duration WITHIN = Duration.ofSeconds(10);

	@Autowired
	Environment environment;

	@Autowired
	TestData data;

	@Autowired
	ProgrammeService programmes;

	@Autowired
	CallService calls;

	@Autowired
	OrganisationService organisations;

	private ConfigurableApplicationContext instanceB;

	@BeforeEach
	void startSecondInstance() {
		// Command-line arguments, not builder properties: those are defaults, which the
		// application's own would override
		instanceB = new SpringApplicationBuilder(KindredApplication.class).run("--server.port=0",
				"--spring.main.banner-mode=off", "--kindred.demo.enabled=false",
				"--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""),
				"--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""));
	}

	@AfterEach
	void stopSecondInstance() {
		instanceB.close();
	}

	@Test
	void aProgrammeUnpublishedOnOneInstanceLeavesTheOthersPublicView() {
		var staff = data.staff();
		var id = data.programme(staff, true);
		var programmesB = instanceB.getBean(ProgrammeService.class);
		assertThat(programmesB.publicView(id).id()).isEqualTo(id); // B keeps it now

		programmes.unpublish(id, staff.coordinator().id());

		await().atMost(WITHIN)
			.untilAsserted(
					() -> assertThatThrownBy(() -> programmesB.publicView(id)).isInstanceOf(NotFoundException.class));
	}

	@Test
	void aSlotAddedOnOneInstanceShowsInTheOthersSignUpForm() {
		var staff = data.staff();
		var id = data.programme(staff, true);
		var callsB = instanceB.getBean(CallService.class);
		var programmesB = instanceB.getBean(ProgrammeService.class);
		var before = callsB.call(programmesB.publicView(id), RecruitmentRole.PARTICIPANT).slots();
		var slot = new Call.Slot(DayOfWeek.THURSDAY, LocalTime.of(17, 15));
		assertThat(before).doesNotContain(slot);

		calls.addSlot(id, slot, staff.coordinator().id());

		await().atMost(WITHIN)
			.untilAsserted(
					() -> assertThat(callsB.call(programmesB.publicView(id), RecruitmentRole.PARTICIPANT).slots())
						.contains(slot));
	}

	@Test
	void anOrganisationRenamedOnOneInstanceNamesItsProgrammesAnewOnBoth() {
		var staff = data.staff();
		var id = data.programme(staff, true);
		var programmesB = instanceB.getBean(ProgrammeService.class);
		assertThat(programmes.publicView(id).organisationName()).startsWith("Test University");
		assertThat(programmesB.publicView(id).organisationName()).startsWith("Test University");
		var settings = organisations.settings(staff.organisation(), staff.admin().id());

		organisations.update(staff.organisation(),
				new OrganisationSettings("Renamed University", settings.kind(), settings.defaultLanguage(),
						ZoneId.of("Europe/Stockholm"), settings.contactName(), settings.contactEmail()),
				staff.admin().id());

		await().atMost(WITHIN).untilAsserted(() -> {
			for (var service : List.of(programmes, programmesB)) {
				var view = service.publicView(id);
				assertThat(view.organisationName()).isEqualTo("Renamed University");
				assertThat(view.zone()).isEqualTo(ZoneId.of("Europe/Stockholm"));
			}
		});
	}

	@Test
	void staffGrantedOnOneInstanceHaveTheOrganisationInTheOthersMenu() {
		var staff = data.staff();
		var newcomer = data.person("newcomer");
		var organisationsB = instanceB.getBean(OrganisationService.class);
		assertThat(organisationsB.staffedBy(newcomer.id())).isEmpty();

		organisations.grant(staff.organisation(), newcomer.id(), Role.COORDINATOR);

		await().atMost(WITHIN)
			.untilAsserted(() -> assertThat(organisationsB.staffedBy(newcomer.id())).extracting(o -> o.id())
				.containsExactly(staff.organisation()));
	}

}
