package app.kindred.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.regex.Pattern;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestSmtp;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database goes away, as during a PostgreSQL restart: the application's own H2
 * database runs behind a TCP server of its own, which the test stops. Pages then answer
 * 503 with a page in the user's language, the API a 503 problem detail, both with
 * {@code Retry-After}, and a sign-in with the right password is told the service is
 * briefly unavailable, not that the password is wrong.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.hikari.connection-timeout=1000",
				"spring.datasource.hikari.validation-timeout=500" })
@DirtiesContext
class DatabaseUnavailableIntegrationTests {

	static final Server DATABASE = startDatabase();

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url",
				() -> "jdbc:h2:tcp://localhost:" + DATABASE.getPort() + "/mem:kindred-away;DB_CLOSE_DELAY=-1");
		registry.add("spring.datasource.username", () -> "sa");
		registry.add("spring.datasource.password", () -> "");
	}

	@AfterAll
	static void stopDatabase() {
		DATABASE.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	JsonMapper json;

	final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@Test
	void pagesApiAndSignInSayTheServiceIsBrieflyUnavailable() throws Exception {
		var person = data.person("patient");
		var form = send(request("/sign-in").header("Accept-Language", "fi").GET());
		assertThat(form.statusCode()).isEqualTo(200);
		var csrf = field(form.body(), "_csrf");
		assertThat(send(request("/").GET()).statusCode()).isEqualTo(200);

		DATABASE.stop();

		var page = send(request("/").header("Accept-Language", "fi").header("Accept", "text/html").GET());
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(page.body()).contains("Palvelu on hetken poissa käytöstä")
			.contains("Yritä hetken kuluttua uudelleen");

		var api = send(request("/api/v1/organisations").header("Accept-Language", "fi")
			.header("Authorization", basic(person.email(), TestData.PASSWORD))
			.GET());
		assertThat(api.statusCode()).isEqualTo(503);
		assertThat(api.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
		var problem = json.readTree(api.body());
		assertThat(problem.get("status").asInt()).isEqualTo(503);
		assertThat(problem.get("title").asString()).isEqualTo("Palvelu on hetken poissa käytöstä");

		var signIn = send(request("/sign-in").header("Accept-Language", "fi")
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("email=" + encode(person.email()) + "&password="
					+ encode(TestData.PASSWORD) + "&_csrf=" + encode(csrf))));
		// The form's session (and its CSRF token) is in the database too: the sign-in is
		// refused as briefly unavailable before the password is looked at
		assertThat(signIn.statusCode()).isEqualTo(503);
		assertThat(signIn.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(signIn.body()).contains("Palvelu on hetken poissa käytöstä").doesNotContain("salasana on väärin");
		var told = send(request("/sign-in?error=unavailable").header("Accept-Language", "fi")
			.header("Accept", "text/html")
			.GET());
		assertThat(told.body()).contains("Palvelu on hetken poissa käytöstä, joten kirjautuminen ei onnistunut")
			.doesNotContain("salasana on väärin");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String field(String html, String name) {
		var matcher = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]+)\"").matcher(html);
		assertThat(matcher.find()).as("field %s in %s", name, html).isTrue();
		return matcher.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static Server startDatabase() {
		try {
			return Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

}
