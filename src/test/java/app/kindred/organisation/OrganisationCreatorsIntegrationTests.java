package app.kindred.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import app.kindred.TestData;
import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.identity.AccountService;

/**
 * Who may set up an organisation: the admins and coordinators of a network, and whoever
 * the operator names; not every student who registers. Only they see Organisations in the
 * menu before they are anyone's staff.
 */
@SpringBootTest(properties = "kindred.organisations.creators=@founders.example")
@AutoConfigureMockMvc
class OrganisationCreatorsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountService accounts;

	@Autowired
	OrganisationService organisations;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStudentMayNotSetUpAnOrganisationAndIsToldWhoMay() throws Exception {
		var student = person(TestData.uniqueEmail("student"));
		int before = organisationCount();

		mvc.perform(get("/").with(as(student)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("href=\"/organisations\""))));
		mvc.perform(get("/organisations/new").with(as(student)))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Organisations are set up by the staff of a network")))
			.andExpect(content().string(not(containsString("name=\"name\""))));
		mvc.perform(form(post("/organisations")).with(as(student)).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/organisations").with(as(student))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"name":"Student's own","kind":"UNIVERSITY","defaultLanguage":"EN","timeZone":"Europe/Helsinki",
					 "contactName":"Me","contactEmail":"me@test.example"}""")).andExpect(status().isForbidden());
		assertThat(organisationCount()).isEqualTo(before);
	}

	@Test
	void someoneTheOperatorNamesAndANetworksCoordinatorMayAndTheNetworksTeacherMayNot() throws Exception {
		var named = person(TestData.uniqueEmail("founder").replace("@test.example", "@founders.example"));
		mvc.perform(get("/").with(as(named))).andExpect(content().string(containsString("href=\"/organisations\"")));
		mvc.perform(get("/organisations/new").with(as(named)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"name\"")));
		mvc.perform(form(post("/organisations")).with(as(named)).with(csrf())).andExpect(status().is3xxRedirection());

		var network = organisations.create(new OrganisationSettings("Network " + named.email(),
				OrganisationKind.NETWORK, Language.FI, ZoneId.of("Europe/Helsinki"), "Contact", "c@test.example"),
				named.id());
		var coordinator = person(TestData.uniqueEmail("coordinator"));
		var teacher = person(TestData.uniqueEmail("teacher"));
		organisations.grant(network, coordinator.id(), Role.COORDINATOR);
		organisations.grant(network, teacher.id(), Role.TEACHER);
		assertThat(organisations.mayCreate(coordinator.id())).isTrue();
		assertThat(organisations.mayCreate(teacher.id())).isFalse();
		mvc.perform(form(post("/organisations")).with(as(coordinator)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(form(post("/organisations")).with(as(teacher)).with(csrf())).andExpect(status().isForbidden());
		// A teacher is staff, so the menu leads them to their organisation
		mvc.perform(get("/").with(as(teacher))).andExpect(content().string(containsString("href=\"/organisations\"")));
	}

	private record Person(AccountId id, String email) {
	}

	private Person person(String email) {
		return new Person(accounts.registerVerified(email, "Someone", TestData.PASSWORD, Language.EN), email);
	}

	private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request) {
		return request.param("name", "University of Somewhere " + System.nanoTime())
			.param("kind", "UNIVERSITY")
			.param("defaultLanguage", "EN")
			.param("timeZone", "Europe/Helsinki")
			.param("contactName", "Contact")
			.param("contactEmail", "contact@test.example");
	}

	private int organisationCount() {
		return jdbc.sql("select count(*) from organisation").query(Integer.class).single();
	}

	private RequestPostProcessor as(Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
