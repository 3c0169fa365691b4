package app.kindred.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.kindred.KindredApplication;
import app.kindred.TestData;

/**
 * Two application instances on one database, as behind a load balancer, with one person's
 * requests alternating between them over real HTTP: the session (Spring Session JDBC) is
 * the same on both. Signing in on one is signed in on the other, a form's CSRF token from
 * one is good on the other, a flash message set by one shows on the other, a profile or
 * password changed on one holds on the other, the session id changes at sign-in (session
 * fixation), and signing out on one is signed out on both. That a scheduled job is run by
 * one instance only is MailUnderFaultsIntegrationTests' part.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SharedSessionsIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int portA;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestData data;

	private ConfigurableApplicationContext instanceB;

	private int portB;

	private final CookieManager cookies = new CookieManager();

	/**
	 * A browser: one cookie jar for both instances (cookies do not depend on the port).
	 */
	private final HttpClient browser = HttpClient.newBuilder()
		.cookieHandler(cookies)
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@BeforeEach
	void startSecondInstance() {
		// Command-line arguments, not builder properties: those are defaults, which the
		// application's own would override
		instanceB = new SpringApplicationBuilder(KindredApplication.class).run("--server.port=0",
				"--spring.main.banner-mode=off",
				"--spring.datasource.url=" + environment.getRequiredProperty("spring.datasource.url"),
				"--spring.datasource.username=" + environment.getProperty("spring.datasource.username", ""),
				"--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""));
		portB = ((WebServerApplicationContext) instanceB).getWebServer().getPort();
	}

	@AfterEach
	void stopSecondInstance() {
		instanceB.close();
	}

	@Test
	void aJourneyAlternatingBetweenTwoInstancesKeepsOneSession() throws Exception {
		var person = data.person("two-instances");

		// The sign-in form from A, sent to B
		var form = get(portA, "/sign-in");
		assertThat(form.statusCode()).isEqualTo(200);
		var beforeSignIn = sessionCookie();
		var signedIn = post(portB, "/sign-in",
				Map.of("email", person.email(), "password", TestData.PASSWORD, "_csrf", csrf(form)));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		var session = sessionCookie();
		assertThat(session.getValue()).as("signing in gives the session a new id")
			.isNotEqualTo(beforeSignIn.getValue());
		assertThat(withOnlyCookie(portA, "/account", beforeSignIn).statusCode())
			.as("the id from before signing in is worth nothing")
			.isEqualTo(302);

		// Pages on both; a form from A's page sent to B, its flash message shown by A
		var account = get(portA, "/account");
		assertThat(account.statusCode()).isEqualTo(200);
		assertThat(get(portB, "/account").statusCode()).isEqualTo(200);
		var saved = post(portB, "/account", Map.of("displayName", "Renamed On B", "language", "EN", "timeZone",
				"Europe/Helsinki", "_csrf", csrf(account)));
		assertThat(saved.statusCode()).isEqualTo(302);
		var afterSave = get(portA, "/account");
		assertThat(afterSave.statusCode()).isEqualTo(200);
		assertThat(afterSave.body()).contains("Your profile has been saved.").contains("Renamed On B");
		assertThat(get(portB, "/account").body()).doesNotContain("Your profile has been saved.")
			.contains("Renamed On B");

		// A new password set through B: this session stays signed in on A too
		var changed = post(portB, "/account/password",
				Map.of("currentPassword", TestData.PASSWORD, "newPassword", "velvet compass harbour",
						"newPasswordConfirmation", "velvet compass harbour", "_csrf", csrf(get(portA, "/account"))));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(changed.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/account"));
		assertThat(get(portA, "/account").statusCode()).isEqualTo(200);
		assertThat(get(portB, "/account").statusCode()).isEqualTo(200);
		assertThat(sessionsOf(person.email())).isEqualTo(1);

		// Signing out on A signs out on B
		var signedOut = post(portA, "/sign-out", Map.of("_csrf", csrf(get(portB, "/account"))));
		assertThat(signedOut.statusCode()).isEqualTo(302);
		var afterSignOut = get(portB, "/account");
		assertThat(afterSignOut.statusCode()).isEqualTo(302);
		assertThat(afterSignOut.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in"));
		assertThat(withOnlyCookie(portB, "/account", session).statusCode()).isEqualTo(302);
		assertThat(sessionsOf(person.email())).isZero();
	}

	/**
	 * Each instance keeps the accounts' credentials versions it has seen: a password
	 * changed through one must still end the account's other sessions on both, and keep
	 * the session that changed it signed in on both, however recently either instance
	 * looked.
	 */
	@Test
	void aPasswordChangedThroughOneInstanceEndsTheOtherSessionsOnBoth() throws Exception {
		var person = data.person("two-instances-password");
		signIn(portA, person.email(), TestData.PASSWORD);
		var other = sessionCookie();
		assertThat(withOnlyCookie(portA, "/account", other).statusCode()).isEqualTo(200);
		assertThat(withOnlyCookie(portB, "/account", other).statusCode()).isEqualTo(200);

		cookies.getCookieStore().removeAll();
		signIn(portB, person.email(), TestData.PASSWORD);
		assertThat(get(portA, "/account").statusCode()).isEqualTo(200);
		var changed = post(portB, "/account/password",
				Map.of("currentPassword", TestData.PASSWORD, "newPassword", "velvet compass harbour",
						"newPasswordConfirmation", "velvet compass harbour", "_csrf", csrf(get(portB, "/account"))));
		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(get(portA, "/account").statusCode()).as("the session that changed it, on the other instance")
			.isEqualTo(200);

		assertThat(withOnlyCookie(portB, "/account", other).statusCode()).isEqualTo(302);
		// The other instance hears of the change as it commits on PostgreSQL, within its
		// one-second keep on H2
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(withOnlyCookie(portA, "/account", other).statusCode()).isEqualTo(302));
		assertThat(get(portA, "/account").statusCode()).isEqualTo(200);
		assertThat(sessionsOf(person.email())).isEqualTo(1);
	}

	private void signIn(int port, String email, String password) throws Exception {
		var form = get(port, "/sign-in");
		var signedIn = post(port, "/sign-in", Map.of("email", email, "password", password, "_csrf", csrf(form)));
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
	}

	private HttpResponse<String> get(int port, String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(url(port, path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(int port, String path, Map<String, String> fields) throws Exception {
		var body = new LinkedHashMap<>(fields).entrySet()
			.stream()
			.map(f -> f.getKey() + "=" + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return browser.send(HttpRequest.newBuilder(url(port, path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A request carrying just this session cookie, as someone who copied it would send.
	 */
	private HttpResponse<String> withOnlyCookie(int port, String path, HttpCookie cookie) throws Exception {
		return HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.build()
			.send(HttpRequest.newBuilder(url(port, path)).header("Cookie", cookie.toString()).build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private HttpCookie sessionCookie() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals("SESSION"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie"));
	}

	private static String csrf(HttpResponse<String> page) {
		var matcher = CSRF.matcher(page.body());
		assertThat(matcher.find()).as("the page carries a CSRF token").isTrue();
		return matcher.group(1);
	}

	private int sessionsOf(String email) {
		return jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(email)
			.query(Integer.class)
			.single();
	}

	private static URI url(int port, String path) {
		return URI.create("http://localhost:" + port + path);
	}

}
