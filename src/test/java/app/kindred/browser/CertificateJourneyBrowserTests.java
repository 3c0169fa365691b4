package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import app.kindred.TestData;
import app.kindred.certificate.SampleCertificates;
import app.kindred.core.Language;
import app.kindred.demo.internal.DemoMeetingPhase;
import app.kindred.identity.AccountService;

/**
 * Issue 14's journey through the demo's programme in its meeting phase: the coordinator
 * sees who qualifies for a certificate and why the others do not, and issues them; a
 * mentor downloads hers as a PDF in Finnish from the account page the mail links to; a
 * stranger opens the address of the PDF's QR code and finds it valid, in every language;
 * the coordinator revokes it, and the same address and the mentor's account page say so.
 * Axe on every page, at a phone's width as well where the page is new to the journey.
 */
class CertificateJourneyBrowserTests extends BrowserTestBase {

	/**
	 * The demo's online mentor whom the coordinator found ready after a missed training.
	 */
	private static final String ONLINE_MENTOR = DemoMeetingPhase.NAMES.get(7);

	private static final String MENTOR_NAME = "Mira Lindqvist";

	@Autowired
	DemoMeetingPhase meetingPhase;

	@Autowired
	AccountService accounts;

	@Test
	void aCertificateIsIssuedDownloadedVerifiedAndRevoked() throws Exception {
		var staff = data.staff();
		var domain = "@" + UUID.randomUUID().toString().substring(0, 8) + ".meetings.test";
		var mentorEmail = "mira" + domain;
		// English-speaking, as the demo's own mentor, so that Finnish is her choice
		var mentor = accounts.registerVerified(mentorEmail, MENTOR_NAME, TestData.PASSWORD, Language.EN);
		var participant = accounts.registerVerified("pia" + domain, "Pia Osallistuja", TestData.PASSWORD, Language.EN);
		meetingPhase.seed(staff.organisation(), staff.coordinator().id(), staff.teacher().id(), mentor, participant,
				domain, TestData.PASSWORD);

		// The coordinator: who qualifies and why not, then issue to all who do
		signIn(staff.coordinator().email(), TestData.PASSWORD);
		browser.click("Certificates");
		assertThat(browser.heading()).isEqualTo("Certificates");
		assertThat(browser.pageText())
			.contains("Mentors qualify with the trainings the rule asks for attended or readiness given, "
					+ "and at least 4 meetings of their group held.");
		assertThat(standing(mentorRow(MENTOR_NAME))).isEqualTo("Qualifies");
		assertThat(standing(mentorRow(ONLINE_MENTOR))).isEqualTo("3 of 4 meetings of their group held");
		browser.checkAtDesktopAndPhone();

		browser.click("Issue to all 3 who qualify");
		assertThat(browser.heading()).isEqualTo("Issue the certificates?");
		assertThat(browser.pageText()).contains("3 certificates will be issued, each fixed as it stands today");
		browser.checkAccessibility();
		browser.click("Issue and tell 3 people");
		assertThat(browser.heading()).isEqualTo("Certificates");
		assertThat(browser.text("main p.notice[role=status]"))
			.isEqualTo("The certificates are issued, and each holder is told by e-mail.");
		assertThat(browser.pageText()).contains("Everyone who qualifies has their certificate.");
		var code = mentorRow(MENTOR_NAME).findElement(By.cssSelector("a[href*='/verify/']")).getText().strip();
		assertThat(code).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){4}");
		// The online mentor is still one meeting short, and has nothing
		assertThat(standing(mentorRow(ONLINE_MENTOR))).isEqualTo("3 of 4 meetings of their group held");
		assertThat(mentorRow(ONLINE_MENTOR).findElements(By.cssSelector("a[href*='/verify/']"))).isEmpty();
		browser.checkAtDesktopAndPhone();

		// The mentor: from the mail to her account page, and the PDF in Finnish
		browser.reset();
		signIn(mentorEmail, TestData.PASSWORD);
		waitForMail(mentorEmail, "Your mentor certificate is ready: ");
		openMailTo(mentorEmail);
		assertThat(browser.pageText()).contains("Your mentor certificate is ready: " + DemoMeetingPhase.NAME_EN);
		followLinkInMail();
		assertThat(browser.url()).isEqualTo(BASE_URL + "/account");
		var card = certificateCard();
		assertThat(card.findElement(By.cssSelector("h3")).getText())
			.isEqualTo("Mentor certificate: " + DemoMeetingPhase.NAME_EN);
		assertThat(card.findElement(By.cssSelector("a[href*='/verify/']")).getText().strip()).isEqualTo(code);
		browser.checkAtDesktopAndPhone();

		var language = new Select(card.findElement(By.cssSelector("select[name=language]")));
		assertThat(language.getFirstSelectedOption().getDomAttribute("value")).isEqualTo("en");
		language.selectByValue("fi");
		var download = download(card.findElement(By.cssSelector("form")));
		assertThat(download.get("status")).isEqualTo(200L);
		assertThat((String) download.get("type")).startsWith("application/pdf");
		String verifyUrl;
		try (var pdf = Loader.loadPDF(Base64.getDecoder().decode((String) download.get("body")))) {
			assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("fi");
			var text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("Mentoritodistus", MENTOR_NAME, "Tarkistuskoodi: " + code);
			verifyUrl = SampleCertificates.scanQr(pdf);
		}
		assertThat(verifyUrl).startsWith(BASE_URL + "/verify/");

		// A stranger scans the QR code
		browser.reset();
		browser.open(verifyUrl).checkAtDesktopAndPhone();
		assertThat(browser.heading()).isEqualTo("Certificate verification");
		assertThat(browser.pageText()).contains("It is genuine and valid.", MENTOR_NAME, code);
		switchLanguage("Suomi", "fi");
		browser.checkPhone();
		assertThat(browser.pageText()).contains("Todistus on aito ja voimassa.", MENTOR_NAME, "Mentoritodistus");
		switchLanguage("Svenska", "sv");
		browser.checkPhone();
		assertThat(browser.pageText()).contains("Intyget är äkta och gäller.", MENTOR_NAME, "Mentorsintyg");

		// The coordinator revokes it
		browser.reset();
		signIn(staff.coordinator().email(), TestData.PASSWORD);
		browser.click("Certificates");
		var reason = "Issued by mistake: the group's fourth meeting was not held after all.";
		var row = mentorRow(MENTOR_NAME);
		var field = row.findElement(By.cssSelector("input[name=reason]"));
		field.sendKeys(reason);
		var revoke = row.findElement(By.xpath(".//button[normalize-space(.)='Revoke']"));
		assertThat(revoke.getDomAttribute("aria-label")).isEqualTo("Revoke the certificate of " + MENTOR_NAME);
		browser.andWaitForNewPage(revoke::click);
		assertThat(browser.text("main p.notice[role=status]"))
			.isEqualTo("The certificate is revoked, and its holder is told by e-mail.");
		assertThat(browser.texts("main section[aria-labelledby=kind-MENTOR] li"))
			.anySatisfy(line -> assertThat(line).startsWith(MENTOR_NAME + ", " + code + ", issued ")
				.endsWith("Why: " + reason));
		browser.checkAtDesktopAndPhone();

		// The same address now says revoked, and when, but not why
		var today = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
			.withLocale(Language.EN.locale())
			.format(LocalDate.now(ZoneId.of("Europe/Helsinki")));
		browser.reset();
		browser.open(verifyUrl).checkAtDesktopAndPhone();
		assertThat(browser.pageText())
			.contains("but it was revoked on " + today + " and is no longer valid.", MENTOR_NAME)
			.doesNotContain("It is genuine and valid.", reason);

		// The mentor is told, and her account page shows it revoked, with why
		signIn(mentorEmail, TestData.PASSWORD);
		waitForMail(mentorEmail, "Your mentor certificate was revoked: ");
		openMailTo(mentorEmail);
		followLinkInMail();
		card = certificateCard();
		assertThat(card.findElement(By.cssSelector("[role=note]")).getText())
			.isEqualTo("Revoked on " + today + ": " + reason);
		assertThat(card.findElements(By.cssSelector("form"))).isEmpty();
		browser.checkAtDesktopAndPhone();
	}

	/** The row of the mentor certificates' table for this person. */
	private WebElement mentorRow(String name) {
		return browser.driver()
			.findElement(
					By.xpath("//main//section[@aria-labelledby='kind-MENTOR']//tr[td[1]/span[1][normalize-space(.)='"
							+ name + "']]"));
	}

	/** Whether the row's person qualifies, or why not. */
	private static String standing(WebElement row) {
		return row.findElement(By.xpath("td[2]")).getText().strip();
	}

	/** The one certificate on the account page. */
	private WebElement certificateCard() {
		var cards = browser.driver().findElements(By.cssSelector("main section.certificates li.card"));
		assertThat(cards).as("certificates on %s", browser.url()).hasSize(1);
		return cards.getFirst();
	}

	/**
	 * Waits until the development mailbox holds this message for the address: the mailbox
	 * lists the newest first, and the holder had mail from the programme before.
	 */
	private void waitForMail(String address, String subjectStart) {
		var row = By.xpath("//main//tr[td[normalize-space(.)='" + address + "']][1]/td[2]");
		browser.open("/dev/mailbox");
		browser.waitUntil(d -> {
			var first = d.findElements(row);
			if (!first.isEmpty() && first.getFirst().getText().startsWith(subjectStart)) {
				return true;
			}
			browser.open("/dev/mailbox");
			return false;
		});
	}

	/**
	 * Downloads what the form's own action and fields ask for, as the browser would, and
	 * returns its status, type and body in base64.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Object> download(WebElement form) {
		return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const form = arguments[0];
				const done = arguments[arguments.length - 1];
				const url = form.action + '?' + new URLSearchParams(new FormData(form));
				fetch(url, {credentials: 'same-origin'})
				  .then(r => r.arrayBuffer().then(buffer => {
				    const bytes = new Uint8Array(buffer);
				    let binary = '';
				    for (let i = 0; i < bytes.length; i += 0x8000) {
				      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
				    }
				    done({status: r.status, type: r.headers.get('Content-Type') || '', body: btoa(binary)});
				  }))
				  .catch(e => done({status: -1, type: '', body: String(e)}));
				""", form);
	}

}
