package app.kindred.core.config;

import java.util.ArrayList;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Outside the development mode ({@code dev} profile, which the Quick start's
 * {@code ./mvnw spring-boot:run} turns on) Kindred refuses to start without a database, a
 * mail server and a secret for the credentials' signing keys. Spring Boot would otherwise
 * fall back to an in-memory database that loses everything on restart, and mail would
 * have nowhere to go: the fallbacks that make development easy are exactly the ones a
 * real installation must never get by accident.
 *
 * <p>
 * Checked right after the configuration files are read, before the banner, logging or any
 * bean, so the refusal is the only thing printed ({@link MissingConfigurationReporter}).
 */
public class ProductionConfigurationCheck implements EnvironmentPostProcessor, Ordered {

	public static final String DEV_PROFILE = "dev";

	/**
	 * What the key encrypting the organisations' private signing keys is derived from
	 * (certificate module); a short one could be guessed, and every key with it.
	 */
	static final String CREDENTIAL_SECRET = "kindred.credentials.secret";

	static final int SECRET_LENGTH = 32;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.acceptsProfiles(Profiles.of(DEV_PROFILE))) {
			return;
		}
		var missing = new ArrayList<String>();
		if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			missing.add("a database (set KINDRED_DB_URL, KINDRED_DB_USER and KINDRED_DB_PASSWORD)");
		}
		if (!StringUtils.hasText(environment.getProperty("spring.mail.host"))) {
			missing.add("a mail server (set SPRING_MAIL_HOST, and SPRING_MAIL_PORT, SPRING_MAIL_USERNAME, "
					+ "SPRING_MAIL_PASSWORD as needed)");
		}
		var secret = environment.getProperty(CREDENTIAL_SECRET);
		if (secret == null || secret.strip().length() < SECRET_LENGTH) {
			missing.add("a secret for the credentials' signing keys (set KINDRED_CREDENTIAL_SECRET to " + SECRET_LENGTH
					+ " or more random characters, such as the output of openssl rand -base64 32, and keep it)");
		}
		if (!missing.isEmpty()) {
			throw new MissingConfigurationException("Kindred refuses to start without " + String.join(" and ", missing)
					+ ". To try it on an embedded database with demo data and a development mailbox instead, run "
					+ "./mvnw spring-boot:run (development mode, the README's Quick start).");
		}
	}

	/** After the configuration files (and with them the active profiles) are known. */
	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

}
