package app.kindred.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.time.Instant;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import app.kindred.TestData;
import app.kindred.certificate.CertificateKind;
import app.kindred.certificate.SampleCertificates;
import app.kindred.certificate.internal.CertificateStore;
import app.kindred.organisation.Organisations;

/**
 * The holder's certificates on the account page, the coordinators' certificates page and
 * the organisation admin's logo page, in Chromium: axe at desktop and phone width and the
 * W3C checker on what was served.
 */
class CertificateBrowserTests extends BrowserTestBase {

	/**
	 * A reason as people write them: an address that does not break by itself on a phone.
	 */
	static final String LONG_REASON = "The pass was withdrawn: https://intranet.example.org/wellbeing/certificates/"
			+ "decisions/2027/autumn/withdrawn-passes-and-corrections";

	@Autowired
	CertificateStore store;

	@Autowired
	Organisations organisations;

	@Test
	void theHolderFindsTheirCertificatesOnTheAccountPage() {
		var staff = data.staff();
		var holder = data.person("holder");
		var programme = data.programme(staff, true);
		var name = organisations.find(staff.organisation()).orElseThrow().name();
		var mentor = SampleCertificates.certificate(programme, staff.organisation(), holder.id(),
				CertificateKind.MENTOR, SampleCertificates.content(SampleCertificates.HOLDER, name, null),
				staff.coordinator().id());
		var course = SampleCertificates.certificate(programme, staff.organisation(), holder.id(),
				CertificateKind.COURSE,
				SampleCertificates.content(SampleCertificates.HOLDER, name, SampleCertificates.course()),
				staff.coordinator().id());
		store.insert(mentor);
		store.insert(course);
		store.revoke(course.id(), staff.coordinator().id(), Instant.now(), LONG_REASON);

		signIn(holder.email(), TestData.PASSWORD);
		browser.open("/account");
		assertThat(browser.texts("main h3")).contains("Mentor certificate: Compassion mentoring, autumn 2027",
				"Certificate of course completion: Compassion mentoring, autumn 2027");
		assertThat(browser.pageText()).contains(mentor.displayCode(), LONG_REASON);
		browser.checkAtDesktopAndPhone().checkHtml();

		browser.click(mentor.displayCode());
		assertThat(browser.url()).endsWith("/verify/" + mentor.displayCode());
	}

	@Test
	void theCoordinatorsPageFitsAPhoneWithAReasonThatDoesNotBreak() {
		var staff = data.staff();
		var holder = data.person("holder");
		var programme = data.programme(staff, true);
		var name = organisations.find(staff.organisation()).orElseThrow().name();
		var revoked = SampleCertificates.certificate(programme, staff.organisation(), holder.id(),
				CertificateKind.MENTOR, SampleCertificates.content(SampleCertificates.HOLDER, name, null),
				staff.coordinator().id());
		store.insert(revoked);
		store.revoke(revoked.id(), staff.coordinator().id(), Instant.now(), LONG_REASON);

		signIn(staff.coordinator().email(), TestData.PASSWORD);
		browser.open("/programmes/" + programme.value() + "/certificates");
		assertThat(browser.pageText()).contains(revoked.displayCode(), LONG_REASON);
		browser.checkAtDesktopAndPhone().checkHtml();
	}

	@Test
	void anAdminSetsTheLogoAndIsToldAtTheFieldWhatIsWrong() throws Exception {
		var staff = data.staff();
		var png = Files.createTempFile("logo", ".png");
		var image = new BufferedImage(240, 80, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new Color(0x2f, 0x5d, 0x62));
		g.fillRect(0, 0, 240, 80);
		g.dispose();
		ImageIO.write(image, "png", png.toFile());
		var svg = Files.createTempFile("logo", ".svg");
		Files.writeString(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");

		signIn(staff.admin().email(), TestData.PASSWORD);
		browser.click("Organisations");
		browser.click("Test University " + staff.founder().email());
		browser.click("Logo for certificates");
		assertThat(browser.pageText()).contains("No logo has been uploaded.");
		browser.checkAtDesktopAndPhone().checkHtml();

		browser.driver().findElement(By.id("file")).sendKeys(png.toString());
		browser.click("Upload");
		assertThat(browser.text("main [role=status]")).isEqualTo("The logo has been saved.");
		assertThat(browser.driver().findElement(By.cssSelector("main .logo-preview img")).getAttribute("alt"))
			.isEqualTo("Logo of Test University " + staff.founder().email());
		browser.checkAtDesktopAndPhone().checkHtml();

		browser.driver().findElement(By.id("file")).sendKeys(svg.toString());
		browser.click("Upload");
		assertThat(browser.fieldError("file")).startsWith("This SVG contains scripts");
		browser.checkAtDesktopAndPhone();

		browser.click("Remove the logo");
		assertThat(browser.text("main [role=status]")).isEqualTo("The logo has been removed.");
	}

}
