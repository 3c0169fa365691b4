package app.kindred.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestSmtp;

/**
 * A form far larger than any Kindred has is refused with a 413 page in the sender's
 * language, and logged as at most one line: an anonymous visitor sending such forms in a
 * loop must not fill the log with stack traces.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class OversizedRequestIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void threeMegabyteSignUpIsRefusedQuietly(CapturedOutput output) throws Exception {
		var form = http.send(request("/register").GET().build(), HttpResponse.BodyHandlers.ofString());
		var matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
		assertThat(matcher.find()).isTrue();
		var before = output.getAll().length();

		var body = "_csrf=" + matcher.group(1) + "&email=someone%40test.example&displayName=" + "x".repeat(3_000_000)
				+ "&password=correct+horse+battery&language=fi";
		var response = http.send(request("/register").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("Liian suuri lähetys");
		var logged = output.getAll().substring(before).lines().filter(l -> !l.isBlank()).toList();
		assertThat(logged).as("logged while refusing")
			.hasSizeLessThanOrEqualTo(1)
			.noneMatch(l -> l.contains("ERROR"))
			.noneMatch(l -> l.startsWith("\tat ") || l.startsWith("Caused by"));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/html")
			.header("Accept-Language", "fi");
	}

}
