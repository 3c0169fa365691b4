package app.kindred.core.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.FormatStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestSmtp;
import app.kindred.core.Language;
import app.kindred.core.Times;
import app.kindred.programme.ProgrammeService;
import app.kindred.programme.ProgrammeText;
import app.kindred.recruitment.Call;
import app.kindred.recruitment.CallService;

/**
 * Switching the language speaks the new language on the very page that switched, in the
 * dates too; and the language links of an error page (rendered at {@code /error}) lead
 * back to the address asked for, never to the error page itself. A real server, since
 * error pages are error dispatches of the servlet container.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class LanguageSwitchIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	ProgrammeService programmes;

	@Autowired
	CallService calls;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void thePageThatSwitchesShowsDatesInTheNewLanguage() throws Exception {
		var staff = data.staff();
		var id = data.programme(staff, true);
		var closes = programmes.find(id).orElseThrow().settings().mentorCallCloses();
		var helsinki = closes.atZone(ZoneId.of("Europe/Helsinki"));
		var swedish = Times.dateTime(FormatStyle.MEDIUM, Locale.forLanguageTag("sv")).format(helsinki);
		var finnish = Times.dateTime(FormatStyle.MEDIUM, Locale.forLanguageTag("fi")).format(helsinki);
		assertThat(swedish).isNotEqualTo(finnish);

		var page = get("/programmes/" + id + "?lang=sv", "fi");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("lang=\"sv\"").contains(swedish).doesNotContain(finnish);
	}

	/**
	 * A signed-in person whose account speaks English switches to Finnish on the sign-up
	 * page: the programme's own texts, the weekdays of its times and the dates are
	 * Finnish at once, and stay so on the next page.
	 */
	@Test
	void aSignedInPersonsSwitchSpeaksTheNewLanguageAtOnceInTextsWeekdaysAndDates() throws Exception {
		var staff = data.staff();
		var id = programmes.create(staff.organisation(),
				Map.of(Language.EN, new ProgrammeText("Compassion groups", "Six meetings.", "Students"), Language.FI,
						new ProgrammeText("Myötätuntoryhmät", "Kuusi tapaamista.", "Opiskelijat")),
				EnumSet.of(Language.EN, Language.FI), data.settings(), staff.coordinator().id());
		programmes.publish(id, staff.coordinator().id());
		calls.addSlot(id, new Call.Slot(DayOfWeek.MONDAY, LocalTime.of(16, 15)), staff.coordinator().id());
		var person = data.person("switcher");
		var closes = programmes.find(id).orElseThrow().settings().mentorCallCloses();
		var finnishDate = Times.dateTime(FormatStyle.MEDIUM, Locale.forLanguageTag("fi"))
			.format(closes.atZone(ZoneId.of("Europe/Helsinki")));

		var signUp = mvc
			.perform(MockMvcRequestBuilders.get("/programmes/" + id.value() + "/sign-up/mentor?lang=fi")
				.with(user(users.loadUserByUsername(person.email()))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(signUp).contains("lang=\"fi\"")
			.contains("Myötätuntoryhmät")
			.doesNotContain("Compassion groups")
			.contains("Maanantai 16.15")
			.doesNotContain("Monday");

		var page = mvc
			.perform(MockMvcRequestBuilders.get("/programmes/" + id.value())
				.with(user(users.loadUserByUsername(person.email()))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Myötätuntoryhmät").contains(finnishDate);
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
