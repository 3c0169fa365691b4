package app.kindred.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import app.kindred.TestData;

/**
 * Which address a failed sign-in is counted against, through the real server: with
 * forwarded headers switched on (as behind a reverse proxy), X-Forwarded-For is honoured
 * from a trusted proxy (loopback, the default list) and ignored from any other peer,
 * which could otherwise pose as a fresh client on every attempt. 127.0.0.2 is loopback
 * too on Linux, but not in the trusted list, so it plays the untrusted peer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "server.forward-headers-strategy=native")
class ForwardedClientIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void honoursXForwardedForFromATrustedProxyOnly() throws Exception {
		var email = TestData.uniqueEmail("forwarded");
		failSignIn(email, "127.0.0.1", "203.0.113.7");
		failSignIn(email, "127.0.0.2", "203.0.113.8");
		assertThat(clientsCounted(email)).containsExactlyInAnyOrder("203.0.113.7", "127.0.0.2");
	}

	private void failSignIn(String email, String from, String forwardedFor) throws Exception {
		var client = HttpClient.newBuilder()
			.localAddress(InetAddress.getByName(from))
			.cookieHandler(new CookieManager())
			.build();
		var page = client.send(HttpRequest.newBuilder(url("/sign-in")).build(), HttpResponse.BodyHandlers.ofString());
		var matcher = CSRF.matcher(page.body());
		assertThat(matcher.find()).as("the sign-in form carries a CSRF token").isTrue();
		var form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password=wrong+guess&_csrf="
				+ URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
		var response = client.send(HttpRequest.newBuilder(url("/sign-in"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", forwardedFor)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in?error=bad"));
	}

	private List<String> clientsCounted(String email) {
		return jdbc.sql("select client from sign_in_failure where account_email = ?")
			.param(email)
			.query(String.class)
			.list();
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
