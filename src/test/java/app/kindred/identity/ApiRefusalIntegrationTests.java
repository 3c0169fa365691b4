package app.kindred.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestSmtp;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's own 401, given before any controller, is a UTF-8 problem detail whose title
 * reads right in every language.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiRefusalIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void unauthorizedInFinnishAndSwedish() throws Exception {
		assertProblem(refused("fi"), "Kirjautuminen vaaditaan");
		assertProblem(refused("sv"), "Inloggning krävs");
		assertProblem(refused("en"), "Sign-in required");
	}

	private MvcResult refused(String language) throws Exception {
		return mvc.perform(get("/api/v1/organisations").header("Accept-Language", language)).andReturn();
	}

	private void assertProblem(MvcResult result, String title) throws Exception {
		var response = result.getResponse();
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeader("WWW-Authenticate")).startsWith("Basic");
		assertThat(response.getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
		// Decoded as UTF-8 whatever the header says: JSON is UTF-8 (RFC 8259), and
		// clients read it so
		var problem = json.readTree(new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
		assertThat(problem.get("title").asString()).isEqualTo(title);
		assertThat(problem.get("status").asInt()).isEqualTo(401);
		assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/organisations");
	}

}
