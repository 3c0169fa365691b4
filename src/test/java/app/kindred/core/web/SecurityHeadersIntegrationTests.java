package app.kindred.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Every kind of response carries the security headers, read over real HTTP: a page, an
 * error page, the API's refusal, a static file and operations endpoints. HSTS and a
 * {@code Secure} session cookie only when the public address is https. No mail is sent,
 * so no GreenMail (its per-class server would start twice with the nested class).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.health.mail.enabled=false")
class SecurityHeadersIntegrationTests {

	static final List<String> PATHS = List.of("/", "/sign-in", "/no-such-page", "/api/v1/organisations",
			"/css/kindred.css", "/js/kindred.js", "/actuator/health", "/actuator/prometheus");

	static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void everyResponseCarriesTheHeaders() throws Exception {
		for (var path : PATHS) {
			var response = get(port, path);
			assertCommonHeaders(path, response);
			assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
		}
	}

	@Test
	void sessionCookieNotSecureOverHttp() throws Exception {
		assertThat(sessionCookie(port)).doesNotContainIgnoringCase("secure");
	}

	@Nested
	@TestPropertySource(properties = "kindred.base-url=https://kindred.univ.example")
	class BehindHttps {

		@LocalServerPort
		int port;

		@Test
		void strictTransportSecurityEverywhere() throws Exception {
			for (var path : PATHS) {
				var response = get(port, path);
				assertCommonHeaders(path, response);
				assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path)
					.hasValueSatisfying(v -> assertThat(v).startsWith("max-age=31536000"));
			}
		}

		@Test
		void sessionCookieSecure() throws Exception {
			assertThat(sessionCookie(port)).containsIgnoringCase("; Secure");
		}

	}

	static void assertCommonHeaders(String path, HttpResponse<?> response) {
		var csp = response.headers().firstValue("Content-Security-Policy").orElse("");
		assertThat(csp).as("CSP of %s", path)
			.contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
		assertThat(csp).as("CSP of %s", path).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		assertThat(response.headers().firstValue("Referrer-Policy")).as(path)
			.hasValue("strict-origin-when-cross-origin");
		assertThat(response.headers().firstValue("Permissions-Policy")).as(path)
			.hasValueSatisfying(v -> assertThat(v).contains("camera=()", "microphone=()", "geolocation=()"));
		assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
	}

	static HttpResponse<Void> get(int port, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
				HttpResponse.BodyHandlers.discarding());
	}

	/** The sign-in form keeps its CSRF token in a new session. */
	static String sessionCookie(int port) throws Exception {
		return get(port, "/sign-in").headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie"));
	}

}
