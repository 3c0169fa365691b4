package app.kindred.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import app.kindred.KindredApplication;

/**
 * The application started as the production section of the README starts the jar (no
 * {@code dev} profile), in a JVM of its own so that its exit status and everything it
 * prints can be read: without a database, a mail server or a credential secret it stops
 * at once with one line that says what to set, not a stack trace or Spring Boot's failure
 * banner.
 *
 * <p>
 * It runs on the tests' classpath, whose configuration names an H2 database and the
 * GreenMail host; a command-line argument empties one of them, which is what an unset
 * variable leaves.
 */
class ProductionConfigurationTests {

	@Test
	void refusesToStartWithoutAMailServer() throws Exception {
		var run = start("--spring.mail.host=");
		assertThat(run.exitCode()).isNotZero();
		assertThat(run.lines()).singleElement()
			.satisfies(line -> assertThat(line).startsWith("Kindred refuses to start without a mail server")
				.contains("SPRING_MAIL_HOST")
				.contains("./mvnw spring-boot:run")
				.doesNotContain("KINDRED_DB_URL"));
	}

	@Test
	void refusesToStartWithoutADatabase() throws Exception {
		var run = start("--spring.datasource.url=");
		assertThat(run.exitCode()).isNotZero();
		assertThat(run.lines()).singleElement()
			.satisfies(line -> assertThat(line).startsWith("Kindred refuses to start without a database")
				.contains("KINDRED_DB_URL")
				.contains("./mvnw spring-boot:run")
				.doesNotContain("SPRING_MAIL_HOST"));
	}

	@Test
	void namesBothWhenNeitherIsConfigured() throws Exception {
		var run = start("--spring.datasource.url=", "--spring.mail.host=");
		assertThat(run.exitCode()).isNotZero();
		assertThat(run.lines()).singleElement()
			.satisfies(line -> assertThat(line).contains("KINDRED_DB_URL").contains("SPRING_MAIL_HOST"));
	}

	@Test
	void refusesToStartWithoutACredentialSecret() throws Exception {
		var run = start("--kindred.credentials.secret=");
		assertThat(run.exitCode()).isNotZero();
		assertThat(run.lines()).singleElement()
			.satisfies(line -> assertThat(line)
				.startsWith("Kindred refuses to start without a secret for the credentials' signing keys")
				.contains("KINDRED_CREDENTIAL_SECRET")
				.contains("./mvnw spring-boot:run")
				.doesNotContain("SPRING_MAIL_HOST"));
	}

	@Test
	void refusesAShortCredentialSecret() throws Exception {
		var run = start("--kindred.credentials.secret=short-and-guessable");
		assertThat(run.exitCode()).isNotZero();
		assertThat(run.lines()).singleElement()
			.satisfies(line -> assertThat(line).contains("KINDRED_CREDENTIAL_SECRET").contains("32 or more"));
	}

	record Run(int exitCode, List<String> lines) {
	}

	/**
	 * {@link KindredApplication#main} in a new JVM, with none of the variables that would
	 * configure it.
	 */
	private static Run start(String... args) throws IOException, InterruptedException {
		var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), "-cp",
				System.getProperty("java.class.path"), KindredApplication.class.getName()));
		command.addAll(List.of(args));
		var builder = new ProcessBuilder(command).redirectErrorStream(true);
		List.of("SPRING_PROFILES_ACTIVE", "SPRING_MAIL_HOST", "SPRING_DATASOURCE_URL", "KINDRED_DB_URL",
				"KINDRED_CREDENTIAL_SECRET")
			.forEach(builder.environment()::remove);
		var process = builder.start();
		var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("still running after 60 s: " + output);
		}
		return new Run(process.exitValue(), output.lines().filter(l -> !l.isBlank()).toList());
	}

}
