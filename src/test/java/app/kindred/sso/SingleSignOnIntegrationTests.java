package app.kindred.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.Mails;
import app.kindred.TestData;
import app.kindred.TestSmtp;
import app.kindred.core.Language;
import app.kindred.identity.Accounts;
import app.kindred.sso.internal.ProviderService;

/**
 * Signing in through an organisation's OpenID Connect provider, a real one: Spring
 * Authorization Server running in this JVM ({@link TestOidcProvider}), reached over HTTP
 * as a university's would be.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "SSO_TEST_SECRET=provider-secret-0123")
class SingleSignOnIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	static TestOidcProvider provider;

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	ProviderService providers;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startProvider() {
		provider = TestOidcProvider.start();
	}

	@AfterAll
	static void stopProvider() {
		provider.close();
	}

	@Test
	void theFirstSignInMakesTheAccountFromVerifiedClaimsAndTheSecondFindsIt() throws Exception {
		var staff = configured(false);
		var person = person("new", Map.of("studentNumber", "0123456"), "sv-FI", true);

		var browser = new OidcBrowser(port, "en");
		var signIn = browser.get("/sign-in");
		assertThat(signIn.text()).contains("Sign in with Test University");

		var landed = browser.signIn(staff.organisation().value(), person);

		assertThat(landed.path()).isEqualTo("/");
		var account = accounts.findByEmail(person.email()).orElseThrow();
		assertThat(account.displayName()).isEqualTo(person.name());
		assertThat(account.language()).isEqualTo(Language.SV);
		assertThat(browser.get("/account").status()).isEqualTo(200);
		assertThat(jdbc.sql("select study_number from sso_link where account_id = ?")
			.param(account.id().value())
			.query(String.class)
			.single()).isEqualTo("0123456");
		assertThat(jdbc.sql("select email_verified_at is not null from account where id = ?")
			.param(account.id().value())
			.query(Boolean.class)
			.single()).isTrue();

		// Signing in again, in a new browser: the same account, by (issuer, subject)
		var again = new OidcBrowser(port, "en");
		assertThat(again.signIn(staff.organisation().value(), person).path()).isEqualTo("/");
		assertThat(jdbc.sql("select count(*) from account where email = ?")
			.param(person.email())
			.query(Long.class)
			.single()).isOne();
		assertThat(again.get("/account").body()).contains(person.name());
	}

	@Test
	void anExistingAccountIsLinkedOnlyAfterItsOwnerProvesItByPassword() throws Exception {
		var staff = configured(false);
		var owner = data.person("owner");
		var person = new TestOidcProvider.Person("u" + UUID.randomUUID(), "provider-pass", owner.email(), true,
				"Owner Person", "en", Map.of());
		provider.addUser(person);

		var browser = new OidcBrowser(port, "en");
		var asked = browser.signIn(staff.organisation().value(), person);

		assertThat(asked.path()).isEqualTo("/sign-in/link");
		assertThat(asked.text()).contains("Is this account yours?").contains(owner.email());
		assertThat(browser.get("/account").path()).isEqualTo("/sign-in");
		assertThat(links(owner.email())).isZero();

		var wrong = browser.post("/sign-in/link", browser.form(asked, "password", "not the password"));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.text()).contains("The password is not right.");
		assertThat(links(owner.email())).isZero();

		var proven = browser.post("/sign-in/link", browser.form(wrong, "password", TestData.PASSWORD));
		assertThat(proven.path()).startsWith("/");
		assertThat(browser.get("/account").status()).isEqualTo(200);
		assertThat(links(owner.email())).isOne();

		// From now on the provider signs the owner in straight away
		assertThat(new OidcBrowser(port, "en").signIn(staff.organisation().value(), person).path()).isEqualTo("/");
	}

	@Test
	void anExistingAccountCanBeLinkedByAMailedLink() throws Exception {
		var staff = configured(false);
		var owner = data.person("mailed");
		var person = new TestOidcProvider.Person("u" + UUID.randomUUID(), "provider-pass", owner.email(), true,
				"Mailed Person", "en", Map.of());
		provider.addUser(person);

		var browser = new OidcBrowser(port, "en");
		var asked = browser.signIn(staff.organisation().value(), person);
		var sent = browser.post("/sign-in/link/mail", browser.form(asked));
		assertThat(sent.text()).contains("We sent a link to " + owner.email());

		var message = Mails.await(mail, owner.email(), 1)[0];
		var link = Mails.linkPath(message);
		assertThat(link).startsWith("/sign-in/link/confirm?token=");
		// Opening the link alone changes nothing (mail scanners open links)
		var confirm = new OidcBrowser(port, "en").get(link);
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(links(owner.email())).isZero();

		var confirmer = new OidcBrowser(port, "en");
		var page = confirmer.get(link);
		var done = confirmer.post("/sign-in/link/confirm",
				confirmer.form(page, "token", link.substring(link.indexOf('=') + 1)));
		assertThat(done.text()).contains("Confirmed");
		assertThat(links(owner.email())).isOne();
		// Used once
		assertThat(confirmer.get(link).status()).isEqualTo(404);

		assertThat(new OidcBrowser(port, "en").signIn(staff.organisation().value(), person).path()).isEqualTo("/");
	}

	@Test
	void aTokenForAnotherAudienceIsRefused() throws Exception {
		var staff = configured(false);
		var person = person("audience", Map.of(), "en", true);
		provider.nextToken(TestOidcProvider.Fault.WRONG_AUDIENCE);

		var landed = new OidcBrowser(port, "en").signIn(staff.organisation().value(), person);

		assertThat(landed.path()).isEqualTo("/sign-in?error=sso-audience");
		assertThat(landed.status()).isEqualTo(200);
		assertThat(landed.text()).contains("meant for another service");
		assertThat(accounts.findByEmail(person.email())).isEmpty();
	}

	@Test
	void anExpiredTokenIsRefused() throws Exception {
		var staff = configured(false);
		var person = person("expired", Map.of(), "en", true);
		provider.nextToken(TestOidcProvider.Fault.EXPIRED);

		var landed = new OidcBrowser(port, "fi").signIn(staff.organisation().value(), person);

		assertThat(landed.path()).isEqualTo("/sign-in?error=sso-expired");
		assertThat(landed.text()).contains("vastaus oli vanhentunut");
		assertThat(accounts.findByEmail(person.email())).isEmpty();
	}

	@Test
	void aStateThatDoesNotMatchIsRefused() throws Exception {
		var staff = configured(false);
		var person = person("state", Map.of(), "en", true);

		var landed = new OidcBrowser(port, "sv").signIn(staff.organisation().value(), person,
				uri -> uri.getPath().startsWith("/sign-in/oidc/") && uri.getQuery() != null
						&& uri.getQuery().contains("state=")
								? URI.create(uri.toString().replaceFirst("state=[^&]*", "state=forged")) : uri);

		assertThat(landed.path()).isEqualTo("/sign-in?error=sso-state");
		assertThat(landed.text()).contains("Inloggningen började inte här");
		assertThat(accounts.findByEmail(person.email())).isEmpty();
	}

	@Test
	void anUnverifiedAddressIsRefused() throws Exception {
		var staff = configured(false);
		var person = person("unverified", Map.of(), "en", false);

		var landed = new OidcBrowser(port, "en").signIn(staff.organisation().value(), person);

		assertThat(landed.path()).isEqualTo("/sign-in?error=sso-unverified");
		assertThat(landed.text()).contains("did not confirm your e-mail address");
		assertThat(accounts.findByEmail(person.email())).isEmpty();
	}

	@Test
	void aProviderThatCannotBeReachedIsAMessage() throws Exception {
		var staff = data.staff();
		providers.save(staff.organisation(), new ProviderService.Changes("http://127.0.0.1:9", "client", null,
				"SSO_TEST_SECRET", Map.of(), null, true, false), staff.admin().id());

		var landed = new OidcBrowser(port, "en").get("/sign-in/with/" + staff.organisation().value());

		assertThat(landed.path()).isEqualTo("/sign-in?error=sso-unavailable");
		assertThat(landed.text()).contains("cannot be reached right now");
	}

	@Test
	void staffOfAnOrganisationWithPasswordsOffSignInOnlyThroughTheProvider() throws Exception {
		var staff = configured(true);
		var browser = new OidcBrowser(port, "en");
		var page = browser.get("/sign-in");

		var refused = browser.post("/sign-in",
				browser.form(page, "email", staff.coordinator().email(), "password", TestData.PASSWORD));
		assertThat(refused.path()).isEqualTo("/sign-in?error=passwordOff");
		assertThat(refused.text()).contains("signs its staff in through the university");
		assertThat(browser.get("/account").path()).isEqualTo("/sign-in");

		// Nor through the API's HTTP Basic
		assertThat(api(staff.coordinator().email())).isEqualTo(403);
		// Someone who is not staff keeps their password
		assertThat(api(staff.outsider().email())).isEqualTo(200);
		var outsider = new OidcBrowser(port, "en");
		var form = outsider.get("/sign-in");
		assertThat(outsider
			.post("/sign-in", outsider.form(form, "email", staff.outsider().email(), "password", TestData.PASSWORD))
			.path()).isEqualTo("/");

		// Through the provider the coordinator gets in: their account exists, so they
		// prove it by mail (their password is off), then sign in
		var person = new TestOidcProvider.Person("u" + UUID.randomUUID(), "provider-pass", staff.coordinator().email(),
				true, "Coordinator", "en", Map.of());
		provider.addUser(person);
		var sso = new OidcBrowser(port, "en");
		var asked = sso.signIn(staff.organisation().value(), person);
		var byPassword = sso.post("/sign-in/link", sso.form(asked, "password", TestData.PASSWORD));
		assertThat(byPassword.text()).contains("turned password sign-in off");
		sso.post("/sign-in/link/mail", sso.form(byPassword));
		var link = Mails.linkPath(Mails.await(mail, staff.coordinator().email(), 1)[0]);
		var confirm = sso.get(link);
		sso.post("/sign-in/link/confirm", sso.form(confirm, "token", link.substring(link.indexOf('=') + 1)));
		var landed = new OidcBrowser(port, "en").signIn(staff.organisation().value(), person);
		assertThat(landed.path()).isEqualTo("/");
	}

	@Test
	void theAdminConfiguresTheProviderAndTheSecretIsNeverShown() throws Exception {
		var staff = data.staff();
		var browser = new OidcBrowser(port, "en");
		var form = browser.get("/sign-in");
		browser.post("/sign-in", browser.form(form, "email", staff.admin().email(), "password", TestData.PASSWORD));
		var path = "/organisations/" + staff.organisation().value() + "/sign-in";
		var page = browser.get(path);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("/sign-in/oidc/" + staff.organisation().value());

		var bad = browser.post(path, browser.form(page, "issuer", "ftp://example.org", "clientId", "c", "clientSecret",
				"", "enabled", "true"));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.text()).contains("Enter an https address");

		var clientId = "kindred-page-" + staff.organisation().value();
		provider.registerClient(clientId, "typed-secret-42",
				"http://localhost:" + port + "/sign-in/oidc/" + staff.organisation().value());
		var saved = browser.post(path, browser.form(bad, "issuer", provider.issuer(), "clientId", clientId,
				"clientSecret", "typed-secret-42", "nameEn", "Page University", "enabled", "true"));
		assertThat(saved.path()).isEqualTo(path);
		assertThat(saved.body()).doesNotContain("typed-secret-42");
		assertThat(jdbc.sql("select client_secret_jwe from sso_provider where organisation_id = ?")
			.param(staff.organisation().value())
			.query(String.class)
			.single()).doesNotContain("typed-secret-42").startsWith("eyJ");

		var person = person("page", Map.of(), "en", true);
		assertThat(new OidcBrowser(port, "en").get("/sign-in").text()).contains("Sign in with Page University");
		assertThat(new OidcBrowser(port, "en").signIn(staff.organisation().value(), person).path()).isEqualTo("/");

		// Others may not see or change it
		var coordinator = new OidcBrowser(port, "en");
		var signIn = coordinator.get("/sign-in");
		coordinator.post("/sign-in",
				coordinator.form(signIn, "email", staff.coordinator().email(), "password", TestData.PASSWORD));
		assertThat(coordinator.get(path).status()).isEqualTo(403);
	}

	private TestData.Staff configured(boolean passwordOffForStaff) {
		var staff = data.staff();
		var clientId = "kindred-" + staff.organisation().value();
		provider.registerClient(clientId, "provider-secret-0123",
				"http://localhost:" + port + "/sign-in/oidc/" + staff.organisation().value());
		providers.save(staff.organisation(),
				new ProviderService.Changes(provider.issuer(), clientId, null, "SSO_TEST_SECRET",
						Map.of(Language.EN, "Test University " + staff.organisation().value()), "studentNumber", true,
						passwordOffForStaff),
				staff.admin().id());
		return staff;
	}

	private static TestOidcProvider.Person person(String who, Map<String, Object> claims, String locale,
			boolean verified) {
		var person = new TestOidcProvider.Person("u" + UUID.randomUUID(), "provider-pass", TestData.uniqueEmail(who),
				verified, "Name of " + who, locale, claims);
		provider.addUser(person);
		return person;
	}

	private long links(String email) {
		return jdbc.sql("select count(*) from sso_link l join account a on a.id = l.account_id where a.email = ?")
			.param(email)
			.query(Long.class)
			.single();
	}

	private int api(String email) throws Exception {
		var basic = Base64.getEncoder()
			.encodeToString((email + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/organisations"))
				.header("Authorization", "Basic " + basic)
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

}
