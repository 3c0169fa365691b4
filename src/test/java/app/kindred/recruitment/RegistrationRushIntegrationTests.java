package app.kindred.recruitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.kindred.KindredApplication;
import app.kindred.TestData;
import app.kindred.programme.ProgrammeService;

/**
 * Registration day: far more people than seats sign up at the same moment through real
 * HTTP, some withdraw at once and some click twice, on one application instance and on
 * two sharing the database. See {@link RegistrationRush} for what is checked.
 *
 * <p>
 * Mail goes to the in-memory development mailbox (development mode,
 * {@code spring.mail.host} empty): the rush sends hundreds of decision mails, which must
 * not reach a GreenMail server of another test class.
 */
@ActiveProfiles("dev") // the development mailbox
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { RegistrationRushIntegrationTests.NO_SMTP, RegistrationRushIntegrationTests.BACKLOG })
class RegistrationRushIntegrationTests {

	static final String NO_SMTP = "spring.mail.host=";

	/**
	 * All browsers are released in the same millisecond and most open a new connection
	 * then; Tomcat's default backlog of 100 waiting connections would make the kernel
	 * drop the rest for a while, which tests the machine, not Kindred.
	 */
	static final String BACKLOG = "server.tomcat.accept-count=1000";

	/**
	 * 500 people, 100 seats, every 10th withdraws (50), every 25th clicks twice: 350 are
	 * left waiting.
	 */
	private static final RegistrationRush.Plan PLAN = new RegistrationRush.Plan(500, 100, 10, 25);

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate batch;

	@Autowired
	TestData data;

	@Autowired
	ProgrammeService programmes;

	@Autowired
	RecruitmentService recruitment;

	@Test
	void oneInstance() throws Exception {
		report("one instance", rush().run(PLAN, List.of("http://localhost:" + port)));
	}

	@Test
	void twoInstancesSharingTheDatabase() throws Exception {
		// Command-line arguments, not builder properties: those are defaults, which the
		// application's own
		// properties (server.port=8080, the test SMTP port) would override.
		try (var second = new SpringApplicationBuilder(KindredApplication.class).run("--server.port=0", "--" + NO_SMTP,
				"--spring.profiles.active=dev", "--" + BACKLOG, "--kindred.demo.enabled=false",
				"--spring.main.banner-mode=off",
				"--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""),
				"--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""))) {
			int secondPort = second.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			assertThat(secondPort).isNotEqualTo(port);
			report("two instances",
					rush().run(PLAN, List.of("http://localhost:" + port, "http://localhost:" + secondPort)));
		}
	}

	private RegistrationRush rush() {
		return new RegistrationRush(jdbc, batch, data, programmes, recruitment);
	}

	private void report(String what, RegistrationRush.Outcome outcome) {
		System.out.printf(
				"Registration rush, %s, on %s: N=%d K=%d W=%d -> seated=%d waiting=%d withdrawn=%d "
						+ "(pages that said pending=%d); set-up %d ms, sign-in %d ms, rush %d ms%n",
				what, environment.getRequiredProperty("spring.datasource.url").replaceFirst("^jdbc:(\\w+):.*", "$1"),
				PLAN.people(), PLAN.seats(), PLAN.withdrawals(), outcome.seated(), outcome.waiting(),
				outcome.withdrawn(), outcome.pendingSeen(), outcome.setUp().toMillis(), outcome.signIn().toMillis(),
				outcome.rush().toMillis());
	}

}
