package app.kindred.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestSmtp;

/**
 * Uploads through the real server: a logo over the page's 256 KB comes back at its field,
 * and one over the server's multipart limit (1 MB) is refused by Tomcat with the 413 page
 * in the person's language, never a 500; nothing is stored either way.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LogoUploadLimitIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	OrganisationLogos logos;

	final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void tooLargeALogoIsRefusedWithAMessageNeverA500() throws Exception {
		var staff = data.staff();
		signIn(staff.admin().email());
		var page = "/organisations/" + staff.organisation() + "/logo";

		var overPage = upload(page, 300 * 1024);
		assertThat(overPage.statusCode()).isEqualTo(422);
		assertThat(overPage.body()).contains("id=\"file-error\"", "The file is larger than 256 KB.");

		var overServer = upload(page, 1536 * 1024);
		assertThat(overServer.statusCode()).isEqualTo(413);
		assertThat(overServer.body()).contains("Too much to send");

		assertThat(logos.logo(staff.organisation())).isEmpty();
	}

	private HttpResponse<String> upload(String page, int size) throws Exception {
		var token = csrf(http.send(request(page).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
		var boundary = "----kindred-test-boundary";
		var body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"logo.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(new byte[size]);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return http.send(request(page).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private void signIn(String email) throws Exception {
		var token = csrf(http.send(request("/sign-in").GET().build(), HttpResponse.BodyHandlers.ofString()).body());
		var form = "_csrf=" + enc(token) + "&email=" + enc(email) + "&password=" + enc(TestData.PASSWORD);
		var response = http.send(request("/sign-in").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
	}

	private static String csrf(String page) {
		var matcher = CSRF.matcher(page);
		assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
		return matcher.group(1);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", "text/html")
			.header("Accept-Language", "en");
	}

}
