package app.kindred.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.CookieSession;
import app.kindred.TestData;
import app.kindred.TestSmtp;

/**
 * What a signed-out visitor meets at the edges: an address that does not exist is the
 * page that says so, not a sign-in page; a form sent after the session expired says so
 * and offers the way back; signing in after opening an address that only takes forms
 * lands on the front page, not on a 405; the menu knows who is signed in, error pages
 * included. A real server, since error pages are error dispatches of the servlet
 * container.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class SignedOutJourneysIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aWrongAddressIsThePageNotFoundNotASignIn() throws Exception {
		var wrong = get("/no-such-page/at-all", "en");

		assertThat(wrong.statusCode()).isEqualTo(404);
		assertThat(wrong.body()).contains("Page not found").doesNotContain("name=\"password\"");

		// An address that exists still asks to sign in first
		var known = get("/programmes/" + UUID.randomUUID() + "/manage", "en");
		assertThat(known.statusCode()).isEqualTo(302);
		assertThat(known.headers().firstValue("Location").orElseThrow()).endsWith("/sign-in");
	}

	@Test
	void aFormSentAfterTheSessionExpiredSaysSoInTheVisitorsLanguage() throws Exception {
		var stale = http.send(request("/account", "fi").header("Content-Type", "application/x-www-form-urlencoded")
			.header("Referer", "http://localhost:" + port + "/account")
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=token-of-an-expired-session&displayName=Nea"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(stale.statusCode()).isEqualTo(403);
		assertThat(stale.body()).contains("Istuntosi on vanhentunut")
			.contains("href=\"/account\"")
			.doesNotContain("Sinulla ei ole oikeutta");
	}

	@Test
	void signingInAfterOpeningAnAddressForFormsOnlyLandsOnTheFrontPage() throws Exception {
		var person = data.person("returning");
		var session = new CookieSession();
		// Publishing takes a form only: opened as a link it must not be where signing in
		// leads
		session.perform(mvc, MockMvcRequestBuilders.get("/programmes/" + UUID.randomUUID() + "/publish"))
			.andExpect(redirectedUrl("/sign-in"));
		session
			.perform(mvc,
					post("/sign-in").with(csrf()).param("email", person.email()).param("password", TestData.PASSWORD))
			.andExpect(redirectedUrl("/"));

		// A page that can be opened is still where signing in leads
		var other = new CookieSession();
		other.perform(mvc, MockMvcRequestBuilders.get("/account")).andExpect(redirectedUrl("/sign-in"));
		other
			.perform(mvc,
					post("/sign-in").with(csrf()).param("email", person.email()).param("password", TestData.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).contains("/account"));
	}

	/**
	 * The menu offers signing in and registering to a visitor and signing out to a
	 * signed-in person, on pages and on the error pages the container renders alike.
	 */
	@Test
	void theMenuKnowsWhoIsSignedInOnPagesAndErrorPages() throws Exception {
		for (var path : new String[] { "/", "/programmes", "/no-such-page" }) {
			assertThat(get(path, "en").body()).as(path)
				.contains(">Sign in<", ">Create an account<")
				.doesNotContain(">Sign out<");
		}

		var person = data.person("menu");
		var browser = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		var form = browser.send(request("/sign-in", "en").build(), HttpResponse.BodyHandlers.ofString()).body();
		var token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		assertThat(token.find()).isTrue();
		var signedIn = browser
			.send(request("/sign-in", "en").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("email="
						+ URLEncoder.encode(person.email(), StandardCharsets.UTF_8) + "&password="
						+ URLEncoder.encode(TestData.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		for (var path : new String[] { "/", "/programmes", "/no-such-page" }) {
			var page = browser.send(request(path, "en").build(), HttpResponse.BodyHandlers.ofString());
			assertThat(page.body()).as(path)
				.contains(">Sign out<", ">Your account<")
				.doesNotContain(">Sign in<", ">Create an account<");
		}
	}

	private HttpResponse<String> get(String path, String language) throws Exception {
		return http.send(request(path, language).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, String language) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/html")
			.header("Accept-Language", language);
	}

}
