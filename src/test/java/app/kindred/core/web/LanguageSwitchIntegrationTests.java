package app.kindred.core.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestSmtp;
import app.kindred.programme.ProgrammeService;

/**
 * Switching the language speaks the new language on the very page that switched, in the
 * dates too; and the language links of an error page (rendered at {@code /error}) lead
 * back to the address asked for, never to the error page itself. A real server, since
 * error pages are error dispatches of the servlet container.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class LanguageSwitchIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	ProgrammeService programmes;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void thePageThatSwitchesShowsDatesInTheNewLanguage() throws Exception {
		var staff = data.staff();
		var id = data.programme(staff, true);
		var closes = programmes.find(id).orElseThrow().settings().mentorCallCloses();
		var helsinki = closes.atZone(ZoneId.of("Europe/Helsinki"));
		var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
		var swedish = format.withLocale(Locale.forLanguageTag("sv")).format(helsinki);
		var finnish = format.withLocale(Locale.forLanguageTag("fi")).format(helsinki);
		assertThat(swedish).isNotEqualTo(finnish);

		var page = get("/programmes/" + id + "?lang=sv", "fi");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("lang=\"sv\"").contains(swedish).doesNotContain(finnish);
	}

	@Test
	void anErrorPagesLanguageLinksLeadBackToTheAddressAskedFor() throws Exception {
		// Without its CSRF token a form is refused by Spring Security through the error
		// page
		var refused = http.send(request("/register?x=1", "fi").POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("href=\"/register?x=1&amp;lang=sv\"").doesNotContain("/error?");
		assertThat(get("/register?x=1&lang=sv", "fi").body()).contains("lang=\"sv\"");
	}

	@Test
	void theErrorPageAskedForDirectlyIsAPageThatDoesNotExist() throws Exception {
		var direct = get("/error?lang=sv", "fi");

		assertThat(direct.statusCode()).isEqualTo(404);
		assertThat(direct.body()).contains("lang=\"sv\"");
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
