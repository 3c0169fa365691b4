package app.kindred.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import app.kindred.CookieSession;
import app.kindred.TestData;

/**
 * Metrics and every other actuator endpoint but health and info need the operator's
 * credentials; Kindred's own accounts, signed in or not, never get in. Tests turn metrics
 * export off by default, so it is switched on here. No mail is sent here, so no GreenMail
 * (whose per-class server would start twice with the nested class), and health leaves the
 * mail server out.
 */
@SpringBootTest(properties = { "kindred.operator.user=operator",
		"kindred.operator.password=" + OperatorAccessIntegrationTests.SECRET,
		"management.defaults.metrics.export.enabled=true", "management.prometheus.metrics.export.enabled=true",
		"management.health.mail.enabled=false" })
@AutoConfigureMockMvc
class OperatorAccessIntegrationTests {

	static final String SECRET = "operator-secret-42";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Test
	void metricsForTheOperatorOnly() throws Exception {
		var metrics = mvc.perform(get("/actuator/prometheus").with(httpBasic("operator", SECRET)))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(metrics.getResponse().getContentAsString()).contains("jvm_");
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").with(httpBasic("operator", "wrong")))
			.andExpect(status().isUnauthorized());
		// Again: a sign-in must not spend the operator's password for the next one
		mvc.perform(get("/actuator/prometheus").with(httpBasic("operator", SECRET))).andExpect(status().isOk());
	}

	@Test
	void accountsNeverGetIn() throws Exception {
		var person = data.person("curious");
		mvc.perform(get("/actuator/prometheus").with(httpBasic(person.email(), TestData.PASSWORD)))
			.andExpect(status().isUnauthorized());
		var session = new CookieSession();
		session
			.perform(mvc,
					post("/sign-in").param("email", person.email()).param("password", TestData.PASSWORD).with(csrf()))
			.andExpect(status().is3xxRedirection());
		session.perform(mvc, get("/account")).andExpect(status().isOk());
		session.perform(mvc, get("/actuator/prometheus")).andExpect(status().isUnauthorized());
	}

	/**
	 * Any endpoint added later (such as one listing stuck event publications) is covered
	 * without being named.
	 */
	@Test
	void everythingButHealthAndInfoIsClosed() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/info")).andExpect(status().isOk());
		for (var path : new String[] { "/actuator", "/actuator/metrics", "/actuator/env", "/actuator/publications",
				"/actuator/anything-added-later" }) {
			mvc.perform(get(path)).andExpect(status().isUnauthorized());
		}
		mvc.perform(get("/actuator/env").with(httpBasic("operator", SECRET))).andExpect(status().isNotFound());
	}

	/** Without the operator variables nobody is the operator. */
	@Nested
	@TestPropertySource(properties = { "kindred.operator.user=", "kindred.operator.password=" })
	class WithoutOperator {

		@Autowired
		MockMvc mvc;

		@Test
		void metricsForNobody() throws Exception {
			mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
			mvc.perform(get("/actuator/prometheus").with(httpBasic("operator", SECRET)))
				.andExpect(status().isUnauthorized());
			mvc.perform(get("/actuator/prometheus").with(httpBasic("", ""))).andExpect(status().isUnauthorized());
			mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		}

	}

}
