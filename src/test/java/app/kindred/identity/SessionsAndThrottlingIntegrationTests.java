package app.kindred.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.Mails;
import app.kindred.CookieSession;
import app.kindred.TestData;
import app.kindred.TestSmtp;
import java.util.ArrayList;
import org.awaitility.Awaitility;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * Issue 10, "Sessions and throttling": other sessions end when a password changes, failed
 * sign-ins slow only the failing client down, mails about accounts are limited,
 * registration answers alike for taken addresses, and weak passwords are refused with the
 * reason.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionsAndThrottlingIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AccountService accounts;

	@Autowired
	MessageSource messages;

	// --- other sessions end on a password change or reset

	@Test
	void changingThePasswordEndsTheAccountsOtherSessionsAndKeepsThisOne() throws Exception {
		var person = data.person("two-laptops");
		var first = signedIn(person.email(), TestData.PASSWORD, from());
		var second = signedIn(person.email(), TestData.PASSWORD, from());

		first
			.perform(mvc,
					post("/account/password").with(csrf())
						.param("currentPassword", TestData.PASSWORD)
						.param("newPassword", "velvet compass harbour")
						.param("newPasswordConfirmation", "velvet compass harbour"))
			.andExpect(redirectedUrl("/account"));

		var secondId = second.id();
		second.perform(mvc, get("/account"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/sign-in"))
			.andExpect(unauthenticated());
		assertThat(jdbc.sql("select count(*) from spring_session where session_id = ?")
			.param(secondId)
			.query(Integer.class)
			.single()).as("the other session is invalidated, not just refused once").isZero();
		// Signed in: the account page, not the sign-in form
		first.perform(mvc, get("/account"))
			.andExpect(status().isOk())
			.andExpect(model().attributeExists("passwordForm"));
		first.perform(mvc, get("/account")).andExpect(status().isOk());
	}

	@Test
	void resettingThePasswordEndsEverySessionAndSignsNobodyIn() throws Exception {
		var person = data.person("forgot-but-signed-in");
		var first = signedIn(person.email(), TestData.PASSWORD, from());
		var second = signedIn(person.email(), TestData.PASSWORD, from());

		mvc.perform(post("/password/forgot").with(csrf()).with(from()).param("email", person.email()));
		var link = Mails.linkPath(Mails.await(mail, person.email(), 1)[0]);
		var token = link.substring(link.indexOf("token=") + 6);
		var resetter = new CookieSession();
		resetter
			.perform(mvc,
					post("/password/reset").with(csrf())
						.param("token", token)
						.param("password", "velvet compass harbour")
						.param("passwordConfirmation", "velvet compass harbour"))
			.andExpect(redirectedUrl("/sign-in"))
			.andExpect(unauthenticated());

		for (var session : new CookieSession[] { first, second }) {
			session.perform(mvc, get("/account")).andExpect(redirectedUrl("/sign-in")).andExpect(unauthenticated());
		}
		signedIn(person.email(), "velvet compass harbour", from());
	}

	// --- throttling an attacker cannot turn against the owner

	@Test
	void theOwnerGetsInFromAnotherClientWhileTheGuessingClientWaits() throws Exception {
		var owner = data.person("targeted-coordinator");
		var attacker = from();
		for (int attempt = 0; attempt < 3; attempt++) {
			mvc.perform(signIn(owner.email(), "guess number " + attempt, attacker))
				.andExpect(redirectedUrl("/sign-in?error=bad"));
		}
		mvc.perform(signIn(owner.email(), TestData.PASSWORD, attacker))
			.andExpect(redirectedUrl("/sign-in?error=throttled"))
			.andExpect(unauthenticated());

		mvc.perform(signIn(owner.email(), TestData.PASSWORD, from()))
			.andExpect(authenticated().withUsername(owner.email()));
	}

	@Test
	void theWaitDoublesWithEveryFurtherFailureAndSaysWhenToTryAgain() throws Exception {
		var owner = data.person("slowed");
		var attacker = from();
		var client = address(attacker);
		for (int attempt = 0; attempt < 3; attempt++) {
			mvc.perform(signIn(owner.email(), "wrong " + attempt, attacker));
		}
		assertThat(accounts.signInWait(owner.email(), client))
			.hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofMillis(1), Duration.ofSeconds(2)));
		var session = new CookieSession();
		session.perform(mvc, signIn(owner.email(), "refused unchecked", attacker))
			.andExpect(redirectedUrl("/sign-in?error=throttled"));
		session.perform(mvc, get("/sign-in").param("error", "throttled").with(attacker).header("Accept-Language", "fi"))
			.andExpect(content().string(Matchers.containsString("sekunnin kuluttua")));
		assertThat(failures(owner.email(), client)).as("a refused attempt is not counted").isEqualTo(3);

		passTime(owner.email(), client, Duration.ofSeconds(3));
		mvc.perform(signIn(owner.email(), "wrong 4", attacker)).andExpect(redirectedUrl("/sign-in?error=bad"));
		assertThat(accounts.signInWait(owner.email(), client))
			.hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(4)));

		passTime(owner.email(), client, Duration.ofSeconds(5));
		mvc.perform(signIn(owner.email(), "wrong 5", attacker)).andExpect(redirectedUrl("/sign-in?error=bad"));
		assertThat(accounts.signInWait(owner.email(), client))
			.hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(7), Duration.ofSeconds(8)));

		passTime(owner.email(), client, Duration.ofHours(2));
		mvc.perform(signIn(owner.email(), TestData.PASSWORD, attacker)).andExpect(authenticated());
		assertThat(failures(owner.email(), client)).as("success clears this client's count").isZero();
	}

	@Test
	void theWaitNeverExceedsFifteenMinutes() throws Exception {
		var owner = data.person("capped");
		var client = "10.200.0.1";
		jdbc.sql("insert into sign_in_failure (account_email, client, failures, last_failed_at) values (?, ?, 40, ?)")
			.params(owner.email(), client, OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		assertThat(accounts.signInWait(owner.email(), client))
			.hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15)));
	}

	@Test
	void aClientTryingManyAccountsIsSlowedDownAcrossAccountsButNotLockedOut() throws Exception {
		var stuffer = from();
		for (int attempt = 0; attempt < 100; attempt++) {
			mvc.perform(signIn(TestData.uniqueEmail("stuffed"), "guess", stuffer))
				.andExpect(redirectedUrl("/sign-in?error=bad"));
		}
		var person = data.person("behind-the-stuffer");
		mvc.perform(signIn(person.email(), TestData.PASSWORD, stuffer))
			.andExpect(redirectedUrl("/sign-in?error=throttled"));
		assertThat(accounts.signInWait(person.email(), address(stuffer)))
			.hasValueSatisfying(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(2)));
		mvc.perform(signIn(person.email(), TestData.PASSWORD, from())).andExpect(authenticated());
	}

	// --- mails about accounts are limited, and the pages do not tell

	@Test
	void aFloodOfResetRequestsReachesTheInboxAtMostThreeTimes() throws Exception {
		var person = data.person("flooded");
		var firstPage = "";
		for (int request = 0; request < 25; request++) {
			var page = mvc.perform(post("/password/forgot").with(csrf()).with(from()).param("email", person.email()))
				.andExpect(status().isOk())
				.andExpect(model().attribute("sent", true))
				.andReturn()
				.getResponse()
				.getContentAsString();
			if (request == 0) {
				firstPage = withoutTokens(page);
			}
			assertThat(withoutTokens(page)).isEqualTo(firstPage);
		}
		Mails.await(mail, person.email(), 3);
		awaitNoMailPendingFor(person.email());
		assertThat(mail.getReceivedMessagesForDomain(person.email())).hasSize(3);
	}

	@Test
	void oneClientCausesAtMostTenMailsAnHourAcrossAddresses() throws Exception {
		var client = from();
		var people = new ArrayList<String>();
		for (int request = 0; request < 25; request++) {
			var person = data.person("neighbour");
			people.add(person.email());
			mvc.perform(post("/password/forgot").with(csrf()).with(client).param("email", person.email()))
				.andExpect(model().attribute("sent", true));
		}
		Mails.await(mail, people.get(0), 1);
		people.forEach(this::awaitNoMailPendingFor);
		assertThat(people.stream().mapToInt(p -> mail.getReceivedMessagesForDomain(p).length).sum()).isEqualTo(10);
	}

	@Test
	void verificationLinksAreLimitedPerAddress() throws Exception {
		var email = TestData.uniqueEmail("unverified");
		mvc.perform(post("/register").with(csrf())
			.with(from())
			.param("email", email)
			.param("displayName", "Una Verified")
			.param("password", TestData.PASSWORD)
			.param("passwordConfirmation", TestData.PASSWORD));
		for (int request = 0; request < 25; request++) {
			mvc.perform(post("/verify/resend").with(csrf()).with(from()).param("email", email))
				.andExpect(redirectedUrl("/register/check-mail"));
		}
		Mails.await(mail, email, 3);
		awaitNoMailPendingFor(email);
		assertThat(mail.getReceivedMessagesForDomain(email)).as("the registration's mail and two more").hasSize(3);
	}

	// --- registration answers alike for a taken address

	@Test
	void registeringATakenAddressLooksLikeSuccessAndTellsTheOwnerByMail() throws Exception {
		var owner = data.person("already-here");
		var fresh = TestData.uniqueEmail("brand-new");
		var forNew = mvc.perform(register(fresh, "Someone New"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/register/check-mail"))
			.andReturn();
		var forTaken = mvc.perform(register(owner.email(), "Mallory <b>Phish</b> http://evil.example"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/register/check-mail"))
			.andReturn();
		assertThat(forTaken.getFlashMap().keySet()).isEqualTo(forNew.getFlashMap().keySet());

		var pageForNew = mvc.perform(get("/register/check-mail").flashAttrs(forNew.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var pageForTaken = mvc.perform(get("/register/check-mail").flashAttrs(forTaken.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(withoutTokens(pageForTaken).replace(owner.email(), "ADDRESS"))
			.isEqualTo(withoutTokens(pageForNew).replace(fresh, "ADDRESS"));

		var notice = Mails.await(mail, owner.email(), 1)[0];
		assertThat(notice.getSubject()).contains("tried to create");
		var body = Mails.body(notice);
		assertThat(body).contains("/sign-in")
			.contains("/password/forgot")
			.doesNotContain("Mallory")
			.doesNotContain("evil.example")
			.doesNotContain("token=");
		assertThat(jdbc.sql("select count(*) from account where email = ?")
			.param(owner.email())
			.query(Integer.class)
			.single()).isEqualTo(1);
		mvc.perform(signIn(owner.email(), TestData.PASSWORD, from())).andExpect(authenticated());
	}

	// --- weak passwords are refused with the reason, in the user's language

	@Test
	void refusesWeakPasswordsSayingWhyInEnglishAndFinnish() throws Exception {
		for (var language : new String[] { "en", "fi" }) {
			expectRefused(language, "mikko.virtanen-" + language + "@test.example", "Mikko Virtanen", "password123!",
					"password.weak.common");
			expectRefused(language, "mikko.virtanen-" + language + "@test.example", "Someone Else",
					"mikko.virtanen2024", "password.weak.personal");
			expectRefused(language, TestData.uniqueEmail("x"), "Helmi Lahtinen", "HelmiLahtinen!!",
					"password.weak.personal");
			expectRefused(language, TestData.uniqueEmail("x"), "Kim", "mnbvcxzasdfghjkl", "password.weak.keyboard");
		}
		var email = TestData.uniqueEmail("strong");
		mvc.perform(post("/register").with(csrf())
			.with(from())
			.param("email", email)
			.param("displayName", "Stella Strong")
			.param("password", "velvet compass harbour")
			.param("passwordConfirmation", "velvet compass harbour")).andExpect(redirectedUrl("/register/check-mail"));
	}

	@Test
	void theAccountPageAndTheResetLinkRefuseWeakPasswordsToo() throws Exception {
		var person = data.person("weakling");
		var session = signedIn(person.email(), TestData.PASSWORD, from());
		session
			.perform(mvc,
					post("/account/password").with(csrf())
						.param("currentPassword", TestData.PASSWORD)
						.param("newPassword", "qwertyuiop")
						.param("newPasswordConfirmation", "qwertyuiop"))
			.andExpect(model().attributeHasFieldErrorCode("passwordForm", "newPassword", "password.weak.common"));
		session
			.perform(mvc,
					post("/account/password").with(csrf())
						.param("currentPassword", TestData.PASSWORD)
						.param("newPassword", person.email())
						.param("newPasswordConfirmation", person.email()))
			.andExpect(model().attributeHasFieldErrorCode("passwordForm", "newPassword", "password.weak.personal"));

		mvc.perform(post("/password/forgot").with(csrf()).with(from()).param("email", person.email()));
		var link = Mails.linkPath(Mails.await(mail, person.email(), 1)[0]);
		mvc.perform(post("/password/reset").with(csrf())
			.param("token", link.substring(link.indexOf("token=") + 6))
			.param("password", "aaaaaaaaaaaa")
			.param("passwordConfirmation", "aaaaaaaaaaaa"))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", "password.weak.repeated"));
	}

	private void expectRefused(String language, String email, String name, String password, String reason)
			throws Exception {
		var text = messages.getMessage(reason, null, Locale.forLanguageTag(language));
		mvc.perform(post("/register").with(csrf())
			.with(from())
			.header("Accept-Language", language)
			.param("email", email)
			.param("displayName", name)
			.param("password", password)
			.param("passwordConfirmation", password))
			.andExpect(status().is(422))
			.andExpect(model().attributeHasFieldErrorCode("form", "password", reason))
			.andExpect(content().string(Matchers.containsString(text)));
		assertThat(jdbc.sql("select count(*) from account where email = ?").param(email).query(Integer.class).single())
			.isZero();
	}

	private MockHttpServletRequestBuilder register(String email, String name) {
		return post("/register").with(csrf())
			.with(from())
			.param("email", email)
			.param("displayName", name)
			.param("password", TestData.PASSWORD)
			.param("passwordConfirmation", TestData.PASSWORD);
	}

	private CookieSession signedIn(String email, String password, RequestPostProcessor from) throws Exception {
		var session = new CookieSession();
		session.perform(mvc, signIn(email, password, from)).andExpect(authenticated().withUsername(email));
		return session;
	}

	private static MockHttpServletRequestBuilder signIn(String email, String password, RequestPostProcessor from) {
		return post("/sign-in").with(csrf()).param("email", email).param("password", password).with(from);
	}

	private int failures(String email, String client) {
		return jdbc.sql("select coalesce(sum(failures), 0) from sign_in_failure where account_email = ? and client = ?")
			.params(email, client)
			.query(Integer.class)
			.single();
	}

	/** Moves this client's last failure back, as if that much time had gone by. */
	private void passTime(String email, String client, Duration passed) {
		jdbc.sql("update sign_in_failure set last_failed_at = ? where account_email = ? and client = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minus(passed), email, client)
			.update();
	}

	/**
	 * Mail goes out after commit through the event publication registry; wait until none
	 * is outstanding.
	 */
	private void awaitNoMailPendingFor(String email) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> jdbc
				.sql("select count(*) from event_publication where completion_date is null and serialized_event like ?")
				.param("%" + email + "%")
				.query(Integer.class)
				.single() == 0);
	}

	private static String withoutTokens(String page) {
		return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
			.replaceAll("content=\"[^\"]*\" name=\"_csrf\"", "")
			.replaceAll("(?i)<meta[^>]*csrf[^>]*>", "");
	}

	/** Each call is a client of its own, so counts in one test never touch another. */
	private static RequestPostProcessor from() {
		var random = ThreadLocalRandom.current();
		var address = "10.%d.%d.%d".formatted(random.nextInt(250), random.nextInt(250), random.nextInt(1, 250));
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static String address(RequestPostProcessor from) {
		return from.postProcessRequest(new MockHttpServletRequest()).getRemoteAddr();
	}

}
