package app.kindred.demo;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.jdbc.support.JdbcUtils;

import app.kindred.identity.AccountService;
import app.kindred.programme.ProgrammeService;
import app.kindred.recruitment.CallService;
import app.kindred.recruitment.RecruitmentRole;
import app.kindred.core.Language;
import app.kindred.demo.internal.DemoCohort;
import app.kindred.recruitment.RecruitmentService;
import app.kindred.training.TrainingService;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Demo data appears on the embedded database when switched on, and never on PostgreSQL.
 */
@ActiveProfiles("dev") // the development mailbox
@SpringBootTest(properties = { "kindred.demo.enabled=true", "spring.mail.host=" })
class DemoDataIntegrationTests {

	@Autowired
	AccountService accounts;

	@Autowired
	ProgrammeService programmes;

	@Autowired
	CallService calls;

	@Autowired
	RecruitmentService recruitment;

	@Autowired
	TrainingService training;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void seedsOnlyTheEmbeddedDatabase() throws Exception {
		var product = JdbcUtils.extractDatabaseMetaData(dataSource, m -> m.getDatabaseProductName());
		var seeded = accounts.findByEmail("coordinator" + DemoData.DOMAIN).isPresent();
		if (product.equals("H2")) {
			assertThat(seeded).isTrue();
			assertThat(programmes.published()).extracting(p -> p.texts().values().iterator().next().name())
				.anySatisfy(name -> assertThat(name).startsWith("Compassion mentoring for doctoral students, autumn"))
				.anySatisfy(name -> assertThat(name).startsWith("Hyvinvoinnin ja elämänhallinnan tukeminen"));
			// Both demo sign-ups ask for weekly times, so the form shows its whole range
			var demo = programmes.published()
				.stream()
				.filter(p -> p.organisationName().equals("Revontuli University (demo)"))
				.toList();
			// One programme has its people signed up and its mentors trained, ready for
			// forming groups
			var cohort = demo.stream()
				.filter(p -> p.text(Language.EN).name().contains("ready to form groups"))
				.findFirst()
				.orElseThrow();
			assertThat(recruitment.accepted(cohort.id(), RecruitmentRole.PARTICIPANT)).hasSize(DemoCohort.PARTICIPANTS);
			assertThat(training.readyMentors(cohort.id())).hasSize(DemoCohort.MENTORS);
			assertThat(demo).hasSize(3)
				.allSatisfy(p -> assertThat(calls.call(p, RecruitmentRole.PARTICIPANT).slots()).isNotEmpty());
			// Everyone in the demo has a name of their own, and an address made from it
			var people = jdbc.sql("select display_name, email from account where email like ?")
				.param("%" + DemoData.DOMAIN)
				.query((row, n) -> List.of(row.getString(1), row.getString(2)))
				.list();
			assertThat(people).hasSize(5 + DemoCohort.MENTORS + DemoCohort.PARTICIPANTS);
			assertThat(people).extracting(p -> p.getFirst()).doesNotHaveDuplicates();
			assertThat(people).filteredOn(p -> DemoCohort.NAMES.contains(p.getFirst()))
				.hasSize(DemoCohort.MENTORS + DemoCohort.PARTICIPANTS)
				.allSatisfy(p -> assertThat(p.get(1)).isEqualTo(DemoCohort.email(p.getFirst(), DemoData.DOMAIN))
					.matches("[a-z]+\\.[a-z]+@demo\\.kindred\\.test"));
			assertThat(DemoCohort.email("Väinö Åkerlund-Fernández", DemoData.DOMAIN))
				.isEqualTo("vaino.akerlund-fernandez@demo.kindred.test");
		}
		else {
			assertThat(product).isEqualTo("PostgreSQL");
			assertThat(seeded).isFalse();
		}
	}

}
