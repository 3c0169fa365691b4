package app.kindred.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.kindred.TestSmtp;
import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.Mails;
import app.kindred.TestData;
import app.kindred.core.Language;
import app.kindred.organisation.OrganisationKind;
import app.kindred.organisation.OrganisationService;
import app.kindred.organisation.OrganisationSettings;
import app.kindred.organisation.Role;
import org.hamcrest.Matchers;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class AccountIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	UserDetailsService users;

	@Autowired
	OrganisationService organisations;

	/**
	 * The likely zones come first, in their own group: the person's own, their
	 * organisation's and the region's; each zone is offered once.
	 */
	@Test
	void theAccountPageOffersLikelyTimeZonesFirst() throws Exception {
		var staff = data.staff();
		var tokyo = organisations.create(new OrganisationSettings("Tokyo partner " + staff.coordinator().email(),
				OrganisationKind.UNIVERSITY, Language.EN, ZoneId.of("Asia/Tokyo"), "Contact", "contact@test.example"),
				staff.founder().id());
		organisations.grant(tokyo, staff.coordinator().id(), Role.COORDINATOR);

		var page = mvc.perform(get("/account").with(user(users.loadUserByUsername(staff.coordinator().email()))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		var likely = page.substring(page.indexOf("<optgroup label=\"Likely time zones\">"),
				page.indexOf("<optgroup label=\"All time zones\">"));
		assertThat(likely).contains("value=\"Europe/Helsinki\" selected", "value=\"Asia/Tokyo\"",
				"value=\"Europe/Stockholm\"");
		assertThat(page.split("value=\"Asia/Tokyo\"")).hasSize(2);
		assertThat(page.split("value=\"America/New_York\"")).hasSize(2);
	}

	@Test
	void registersVerifiesByEmailedLinkAndSignsIn() throws Exception {
		var email = TestData.uniqueEmail("newcomer");
		mvc.perform(post("/register").with(csrf())
			.header("Accept-Language", "fi")
			.param("email", email)
			.param("displayName", "Nea Newcomer")
			.param("password", TestData.PASSWORD)
			.param("passwordConfirmation", TestData.PASSWORD)).andExpect(redirectedUrl("/register/check-mail"));

		var message = Mails.await(mail, email, 1)[0];
		assertThat(message.getSubject()).contains("Vahvista");
		var link = Mails.linkPath(message);
		assertThat(link).startsWith("/verify?token=");

		mvc.perform(signIn(email, TestData.PASSWORD, from()))
			.andExpect(redirectedUrl("/sign-in?error=unverified"))
			.andExpect(unauthenticated());
		mvc.perform(get(link)).andExpect(model().attribute("verified", true));
		mvc.perform(get(link)).andExpect(model().attribute("verified", false));
		mvc.perform(signIn(email, TestData.PASSWORD, from())).andExpect(authenticated().withUsername(email));
	}

	@Test
	void refusesMismatchedAndTooShortPasswordsInTheUsersLanguage() throws Exception {
		mvc.perform(post("/register").with(csrf())
			.header("Accept-Language", "sv")
			.param("email", TestData.uniqueEmail("short"))
			.param("displayName", "Sam")
			.param("password", "short")
			.param("passwordConfirmation", "other"))
			.andExpect(status().is(422))
			.andExpect(model().attributeHasFieldErrors("form", "password", "passwordConfirmation"))
			.andExpect(content().string(Matchers.containsString("lang=\"sv\"")));

		// An empty password is told once, by the rule it breaks (the length), not twice
		var page = mvc
			.perform(post("/register").with(csrf())
				.param("email", TestData.uniqueEmail("empty"))
				.param("displayName", "Em")
				.param("password", "")
				.param("passwordConfirmation", ""))
			.andExpect(status().is(422))
			.andReturn()
			.getResponse()
			.getContentAsString();
		var passwordError = page.substring(page.indexOf("id=\"password-error\""));
		passwordError = passwordError.substring(0, passwordError.indexOf("</span>"));
		assertThat(passwordError).contains("Please use 10 to 72 characters.").doesNotContain("Please fill this in.");
	}

	@Test
	void resetsAPasswordByEmailedLinkOnce() throws Exception {
		var person = data.person("reset");
		mvc.perform(post("/password/forgot").with(csrf()).param("email", person.email()))
			.andExpect(model().attribute("sent", true));
		var nobody = TestData.uniqueEmail("nobody");
		mvc.perform(post("/password/forgot").with(csrf()).param("email", nobody))
			.andExpect(model().attribute("sent", true));
		var link = Mails.linkPath(Mails.await(mail, person.email(), 1)[0]);
		var token = link.substring(link.indexOf("token=") + 6);
		assertThat(mail.getReceivedMessagesForDomain(nobody)).as("no mail reveals that an address has no account")
			.isEmpty();

		mvc.perform(get(link)).andExpect(model().attribute("valid", true));
		mvc.perform(post("/password/reset").with(csrf())
			.param("token", token)
			.param("password", "a brand new passphrase")
			.param("passwordConfirmation", "a brand new passphrase")).andExpect(redirectedUrl("/sign-in"));
		mvc.perform(post("/password/reset").with(csrf())
			.param("token", token)
			.param("password", "yet another passphrase")
			.param("passwordConfirmation", "yet another passphrase")).andExpect(model().attribute("valid", false));
		mvc.perform(signIn(person.email(), "a brand new passphrase", from())).andExpect(authenticated());
	}

	@Test
	void changesPasswordOnlyWithTheCurrentOne() throws Exception {
		var person = data.person("changer");
		var me = user(users.loadUserByUsername(person.email()));
		mvc.perform(post("/account/password").with(csrf())
			.with(me)
			.param("currentPassword", "not it")
			.param("newPassword", "another quiet passphrase")
			.param("newPasswordConfirmation", "another quiet passphrase"))
			.andExpect(model().attributeHasFieldErrorCode("passwordForm", "currentPassword", "account.password.wrong"));
		mvc.perform(post("/account/password").with(csrf())
			.with(me)
			.param("currentPassword", TestData.PASSWORD)
			.param("newPassword", "another quiet passphrase")
			.param("newPasswordConfirmation", "another quiet passphrase")).andExpect(redirectedUrl("/account"));
		mvc.perform(signIn(person.email(), "another quiet passphrase", from())).andExpect(authenticated());
	}

	@Test
	void remembersTheChosenLanguageOnTheAccount() throws Exception {
		var person = data.person("linguist");
		mvc.perform(get("/").param("lang", "sv").with(user(users.loadUserByUsername(person.email()))));
		assertThat(((CurrentUser) users.loadUserByUsername(person.email())).language()).isEqualTo(Language.SV);
		mvc.perform(get("/account").with(user(users.loadUserByUsername(person.email()))))
			.andExpect(content().string(Matchers.containsString("lang=\"sv\"")));
	}

	@Test
	void switchesLanguageOnThePageThatAsksAndRemembersIt() throws Exception {
		var cookie = mvc.perform(get("/programmes").param("lang", "fi"))
			.andExpect(content().string(Matchers.containsString("lang=\"fi\"")))
			.andReturn()
			.getResponse()
			.getCookie("kindred-lang");
		assertThat(cookie.getValue()).isEqualTo("fi");
		mvc.perform(get("/sign-in").cookie(cookie).header("Accept-Language", "sv"))
			.andExpect(content().string(Matchers.containsString("Kirjaudu sisään")));
		mvc.perform(get("/sign-in").header("Accept-Language", "sv,en;q=0.8"))
			.andExpect(content().string(Matchers.containsString("lang=\"sv\"")));
	}

	@Test
	void showsErrorPagesInTheUsersLanguageWithoutInternals() throws Exception {
		var person = data.person("lost");
		mvc.perform(get("/organisations/" + UUID.randomUUID()).with(user(users.loadUserByUsername(person.email())))
			.header("Accept-Language", "fi"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(Matchers.containsString("lang=\"en\"")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
		mvc.perform(get("/organisations/not-a-uuid").with(user(users.loadUserByUsername(person.email()))))
			.andExpect(status().isNotFound());
	}

	private static MockHttpServletRequestBuilder signIn(String email, String password, RequestPostProcessor from) {
		return post("/sign-in").with(csrf()).param("email", email).param("password", password).with(from);
	}

	/**
	 * Each test signs in from its own address, so address throttling in one test never
	 * touches another.
	 */
	private static RequestPostProcessor from() {
		var address = "10.%d.%d.%d".formatted((int) (Math.random() * 250), (int) (Math.random() * 250),
				(int) (Math.random() * 250));
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
