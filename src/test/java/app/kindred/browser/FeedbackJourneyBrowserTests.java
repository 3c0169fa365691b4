package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import app.kindred.TestData;
import app.kindred.core.Language;
import app.kindred.demo.internal.DemoFeedback;
import app.kindred.demo.internal.DemoMeetingPhase;
import app.kindred.grouping.PublishedGroups;
import app.kindred.identity.AccountService;

/**
 * Issue 15's journey through the demo's programme and its feedback: the demo's own
 * participant answers the self-compassion measure, the feedback (letting a text be
 * quoted) and the measure again with the same code, each through the link of its
 * invitation in the mailbox; the coordinator reads the report, where the programme and
 * the campus group have figures, the online group has fewer than five answers and the
 * measure's change has its sentence, in English, Finnish and Swedish and at a phone's
 * width, and downloads its PDF and a survey's answers as CSV; the network's admin sees
 * the pooled report. Axe on every page, at a phone's width as well where the page is new
 * to the journeys.
 */
class FeedbackJourneyBrowserTests extends BrowserTestBase {

	private static final String MEASURE = "A survey for you: Kindred self-compassion check-in";

	private static final String FEEDBACK = "A survey for you: Participant feedback";

	@Autowired
	DemoMeetingPhase meetingPhase;

	@Autowired
	DemoFeedback feedback;

	@Autowired
	AccountService accounts;

	@Autowired
	PublishedGroups groups;

	@Test
	void aParticipantAnswersByMailTheCoordinatorReadsTheReportAndTheNetworkPoolsIt() throws Exception {
		var staff = data.staff();
		var domain = "@" + UUID.randomUUID().toString().substring(0, 8) + ".feedback.test";
		var mentor = accounts.registerVerified("mira" + domain, "Mira Lindqvist", TestData.PASSWORD, Language.EN);
		var participantEmail = "pia" + domain;
		var participant = accounts.registerVerified(participantEmail, "Pia Osallistuja", TestData.PASSWORD,
				Language.EN);
		var programme = meetingPhase.seed(staff.organisation(), staff.coordinator().id(), staff.teacher().id(), mentor,
				participant, domain, TestData.PASSWORD);
		// At test.example, which the browser tests let set up organisations, as the demo
		// lets its network's admin
		var networkAdmin = TestData.uniqueEmail("network");
		var seeded = feedback.seed(programme, staff.organisation(), staff.admin().id(), staff.coordinator().id(),
				participant, networkAdmin, domain, TestData.PASSWORD);
		var online = groups.groups(programme).stream().filter(g -> !g.has(participant)).findFirst().orElseThrow();
		var campus = groups.groups(programme).stream().filter(g -> g.has(participant)).findFirst().orElseThrow();

		// The participant: three invitations, the measure's two alike but for their links
		var invitations = invitations(participantEmail);
		assertThat(invitations.get(MEASURE)).hasSize(2);
		assertThat(invitations.get(FEEDBACK)).hasSize(1);

		browser.open(invitations.get(MEASURE).get(0));
		assertThat(browser.heading()).isEqualTo("Kindred self-compassion check-in");
		assertThat(browser.pageText()).contains(DemoMeetingPhase.NAME_EN, "Your own code");
		browser.checkAtDesktopAndPhone();
		choose(2);
		code();
		send();

		browser.open(invitations.get(FEEDBACK).get(0));
		assertThat(browser.heading()).isEqualTo("Participant feedback");
		browser.checkAtDesktopAndPhone();
		assertThat(browser.driver().findElements(By.id("code-mother"))).isEmpty();
		choose(4);
		browser.fill("q-tell-a-friend-value", "Kind people and an hour to breathe in a hectic week.");
		var quote = browser.driver().findElement(By.id("quote-tell-a-friend"));
		assertThat(browser.driver().findElement(By.cssSelector("label[for=quote-tell-a-friend]")).getText())
			.isEqualTo("You may quote this answer");
		quote.click();
		assertThat(quote.isSelected()).isTrue();
		send();

		browser.open(invitations.get(MEASURE).get(1));
		assertThat(browser.heading()).isEqualTo("Kindred self-compassion check-in");
		choose(3);
		code();
		send();
		// A link answered with says so, and takes nothing more
		browser.open(invitations.get(MEASURE).get(0));
		assertThat(browser.driver().findElements(By.cssSelector("main form button[type=submit]"))).isEmpty();
		browser.checkAccessibility();

		// The coordinator: from the programme's surveys to the report
		browser.reset();
		signIn(staff.coordinator().email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme.value() + "/surveys");
		browser.checkAccessibility();
		browser.click("Feedback report");
		assertThat(browser.heading()).isEqualTo("Feedback report");
		browser.checkAtDesktopAndPhone();
		// Figures: charts and their tables, for the programme and the campus group
		assertThat(browser.driver().findElements(By.cssSelector("main svg[role=img]"))).isNotEmpty();
		assertThat(groupRow("Group " + campus.number())).doesNotContain("fewer than 5 answers");
		assertThat(groupRow("Group " + online.number())).contains("fewer than 5 answers");
		assertThat(browser.texts("main .prepost p.sentence")).isNotEmpty()
			.allSatisfy(s -> assertThat(s).contains("rose on average by")
				.contains("among the " + DemoFeedback.CAMPUS_ANSWERS + " participants who answered both times"));
		assertThat(browser.texts("main .free-text")).isNotEmpty();

		var pdf = download(link("PDF in English"));
		assertThat(pdf.get("status")).isEqualTo(200L);
		assertThat((String) pdf.get("type")).startsWith("application/pdf");
		var bytes = Base64.getDecoder().decode((String) pdf.get("body"));
		assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (var document = Loader.loadPDF(bytes)) {
			assertThat(new PDFTextStripper().getText(document)).contains("Feedback report");
		}

		var csvLink = browser.driver()
			.findElements(By.xpath("//main//a[normalize-space(.)='Download the anonymous answers (CSV)']"))
			.getFirst();
		var csv = download(csvLink.getDomAttribute("href"));
		assertThat(csv.get("status")).isEqualTo(200L);
		assertThat((String) csv.get("type")).startsWith("text/csv");
		var lines = new String(Base64.getDecoder().decode((String) csv.get("body")), StandardCharsets.UTF_8).strip()
			.lines()
			.toList();
		// A header and one row per respondent whose answer was written
		assertThat(lines).hasSize(1 + DemoFeedback.CAMPUS_ANSWERS);

		switchLanguage("Suomi", "fi");
		assertThat(browser.heading()).isEqualTo("Palauteraportti");
		assertThat(groupRow("Ryhmä " + online.number())).contains("alle 5 vastausta");
		browser.checkPhone();
		switchLanguage("Svenska", "sv");
		assertThat(browser.heading()).isEqualTo("Responsrapport");
		assertThat(groupRow("Grupp " + online.number())).contains("färre än 5 svar");
		browser.checkPhone();

		// The network's admin sees the pooled report
		browser.reset();
		signIn(networkAdmin, TestData.PASSWORD);
		browser.open("/organisations/" + seeded.network().value());
		browser.checkAccessibility();
		browser.click("Network report");
		assertThat(browser.heading()).isEqualTo("Report of " + DemoFeedback.NETWORK_NAME);
		assertThat(browser.pageText()).contains("The answers of the one university taking part are shown");
		assertThat(browser.driver().findElements(By.cssSelector("main svg[role=img]"))).isNotEmpty();
		assertThat(browser.texts("main .prepost p.sentence")).singleElement()
			.satisfies(s -> assertThat(s).contains("rose on average by"));
		browser.checkAtDesktopAndPhone();
	}

	/**
	 * The links of the survey invitations in the mailbox to this address, by subject,
	 * waiting for all three.
	 */
	private Map<String, List<String>> invitations(String address) {
		var rows = By.xpath("//main//tr[td[normalize-space(.)='" + address + "']]//a[starts-with(normalize-space(.),"
				+ "'A survey for you: ')]");
		browser.open("/dev/mailbox");
		browser.waitUntil(d -> {
			if (d.findElements(rows).size() >= 3) {
				return true;
			}
			browser.open("/dev/mailbox");
			return false;
		});
		browser.checkAccessibility();
		var messages = browser.driver()
			.findElements(rows)
			.stream()
			.map(a -> List.of(a.getText().strip(), a.getDomAttribute("href")))
			.toList();
		var links = new HashMap<String, List<String>>();
		for (var message : messages) {
			browser.open(message.get(1));
			var link = browser.driver().findElement(By.cssSelector(".mail-body a")).getDomAttribute("href");
			assertThat(link).startsWith(BASE_URL + "/surveys/answer/");
			links.computeIfAbsent(message.get(0), s -> new ArrayList<>()).add(link);
		}
		return links;
	}

	/** Chooses the same point of every scale on the page, by its label. */
	private void choose(int point) {
		for (var group : browser.driver().findElements(By.cssSelector("main form fieldset"))) {
			var radios = group.findElements(By.cssSelector("input[type=radio]"));
			if (!radios.isEmpty()) {
				var radio = radios.get(point - 1);
				group.findElement(By.cssSelector("label[for='" + radio.getDomAttribute("id") + "']")).click();
				assertThat(radio.isSelected()).isTrue();
			}
		}
	}

	/** The code's answers, the same both times. */
	private void code() {
		browser.fill("code-mother", "i");
		browser.fill("code-day", "17");
		browser.fill("code-town", "T");
	}

	private void send() {
		browser.clickCss("main form button[type=submit]");
		assertThat(browser.heading()).isEqualTo("Thank you for your answers");
		browser.checkAccessibility();
	}

	/** The first group breakdown's row of this group, as text. */
	private String groupRow(String name) {
		var rows = browser.driver()
			.findElements(By.xpath("//main//table[caption]//tr[th[normalize-space(.)='" + name + "'] or td[1]"
					+ "[normalize-space(.)='" + name + "']]"));
		assertThat(rows).as("a row for %s on %s", name, browser.url()).isNotEmpty();
		return rows.getFirst().getText();
	}

	private String link(String text) {
		return browser.driver()
			.findElement(By.xpath("//main//a[normalize-space(.)='" + text + "']"))
			.getDomAttribute("href");
	}

	/**
	 * Downloads the address as the browser would, with its session, and returns its
	 * status, type and body in base64.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Object> download(String url) {
		return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0], {credentials: 'same-origin'})
				  .then(r => r.arrayBuffer().then(buffer => {
				    const bytes = new Uint8Array(buffer);
				    let binary = '';
				    for (let i = 0; i < bytes.length; i += 0x8000) {
				      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
				    }
				    done({status: r.status, type: r.headers.get('Content-Type') || '', body: btoa(binary)});
				  }))
				  .catch(e => done({status: -1, type: '', body: String(e)}));
				""", url);
	}

}
