package app.kindred.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestSmtp;
import app.kindred.certificate.internal.Certificate;
import app.kindred.certificate.internal.CertificateContent;
import app.kindred.certificate.internal.CertificateContent.Course;
import app.kindred.certificate.internal.CertificatePdf;
import app.kindred.core.Language;
import app.kindred.organisation.Organisations;
import app.kindred.organisation.internal.LogoService;

/**
 * Certificates as PDFs, read back with PDFBox: what each kind says in each language, the
 * holder's name as written (Ł, ễ, Å), every font embedded, tagged for screen readers with
 * a title, a language and alternative texts, the QR code scanning to the verification
 * address, and the organisation's logo drawn from a PNG or an SVG.
 */
@SpringBootTest
class CertificatePdfIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	/** The SVG logo's fill, found on the drawn page to show the SVG was drawn. */
	static final Color LOGO_RED = new Color(0xd0, 0x10, 0x30);

	static final String SVG_LOGO = """
			<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">
			  <rect width="120" height="40" fill="#d01030"/>
			</svg>""";

	@Autowired
	TestData data;

	@Autowired
	CertificatePdf pdf;

	@Autowired
	LogoService logos;

	@Autowired
	Organisations organisations;

	@Test
	void everyLanguageSaysItAllTaggedWithTitleAndLanguageAndEveryFontEmbedded() throws Exception {
		var certificate = mentorCertificate(data.staff());
		var expected = List.of(
				new Expected(Language.FI, "Mentoritodistus", "Yhteensä 25,5 tuntia", "Koulutukset",
						"6 pidettyä tapaamista"),
				new Expected(Language.SV, "Mentorsintyg", "Totalt 25,5 timmar", "Handledning", "6 träffar hållna"),
				new Expected(Language.EN, "Mentor certificate", "Total: 25.5 hours", "Supervision sessions attended",
						"6 meetings held"));
		for (var e : expected) {
			try (var document = Loader.loadPDF(pdf.render(certificate, e.language()))) {
				// Lines end where the layout breaks them
				var text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
				assertThat(document.getNumberOfPages()).isEqualTo(1);
				assertThat(text).as(e.language().code())
					.contains(SampleCertificates.HOLDER, SampleCertificates.PROGRAMME.get(e.language()),
							certificate.content().organisationName(), certificate.displayCode(), e.title(), e.total(),
							e.heading(), e.group(), pdf.verifyUrl(certificate), "Cecilia Coordinator");
				var catalog = document.getDocumentCatalog();
				assertThat(catalog.getLanguage()).isEqualTo(e.language().code());
				assertThat(catalog.getMarkInfo().isMarked()).isTrue();
				assertThat(catalog.getStructureTreeRoot()).isNotNull();
				assertThat(document.getDocumentInformation().getTitle()).contains(e.title(), SampleCertificates.HOLDER);
				assertThat(new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8)).contains("pdfuaid");
				assertThat(document.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, offset(1f));
				assertEveryFontEmbedded(document);
				assertThat(figures(document)).as("alternative texts of the images")
					.anyMatch(alt -> alt.contains(pdf.verifyUrl(certificate)));
			}
		}
	}

	@Test
	void theHoldersOwnRoleTextIsPrintedWhereItIsWrittenAndKindredsElsewhere() throws Exception {
		var certificate = mentorCertificate(data.staff());
		assertThat(text(certificate, Language.EN)).contains("Led a peer group of six students");
		assertThat(text(certificate, Language.FI)).doesNotContain("Led a peer group")
			.contains("Mentori ohjasi työparinsa kanssa");
	}

	@Test
	void theQrCodeScansToTheVerificationAddress() throws Exception {
		var certificate = mentorCertificate(data.staff());
		try (var document = Loader.loadPDF(pdf.render(certificate, Language.FI))) {
			assertThat(SampleCertificates.scanQr(document)).isEqualTo(pdf.verifyUrl(certificate))
				.isEqualTo("http://localhost:8080/verify/" + certificate.displayCode());
		}
	}

	@Test
	void aCourseCertificateShowsTheCourseAndSaysItIsNotATranscript() throws Exception {
		var staff = data.staff();
		var holder = data.person("student");
		var name = organisations.find(staff.organisation()).orElseThrow().name();
		var certificate = SampleCertificates.certificate(data.programme(staff, true), staff.organisation(), holder.id(),
				CertificateKind.COURSE,
				SampleCertificates.content(SampleCertificates.HOLDER, name, SampleCertificates.course()),
				staff.coordinator().id());
		assertThat(text(certificate, Language.EN)).contains("Certificate of course completion", "SZ00CM31",
				"3 ECTS credits", "Pass", "The student can guide a peer group with compassion.",
				"not a transcript of records");
		assertThat(text(certificate, Language.FI)).contains("3 op", "Hyväksytty",
				"Opiskelija osaa ohjata vertaisryhmää myötätuntoisesti.", "ei ole opintosuoritusote");
		assertThat(text(certificate, Language.SV)).contains("3 sp", "Godkänd", "Lärandemål", "inget studieutdrag");
	}

	/**
	 * The demo course's certificate in Finnish, the longest title (two lines), a long
	 * programme name, the course's four learning outcomes and a logo: still one page,
	 * rather than a second page holding only the verification code.
	 */
	@Test
	void theDemoCoursesCertificateWithALogoFitsOnOnePageInEveryLanguage() throws Exception {
		var staff = data.staff();
		logos.upload(staff.organisation(), png(240, 80), staff.admin().id());
		var sample = SampleCertificates.content(SampleCertificates.HOLDER, "Revontuli University (demo)", null);
		var programme = Map.of(Language.FI,
				"Hyvinvoinnin ja elämänhallinnan tukeminen, tämä lukukausi (demo: tapaamiset käynnissä)", Language.SV,
				"Att stödja välbefinnande och livskompetens, denna termin (demo: träffarna pågår)", Language.EN,
				"Supporting wellbeing and life skills, this term (demo: meetings under way)");
		var course = new Course("SZ00CM31", 3, LocalDate.of(2027, 12, 20), demoOutcomes());
		var content = new CertificateContent(sample.holderName(), sample.organisationName(), programme,
				sample.termStart(), sample.termEnd(), List.of(), List.of(), sample.groups(), sample.totalMinutes(),
				Map.of(), course, sample.signatoryName(), sample.signatoryTitle());
		var certificate = SampleCertificates.certificate(data.programme(staff, true), staff.organisation(),
				data.person("student").id(), CertificateKind.COURSE, content, staff.coordinator().id());
		for (var language : Language.values()) {
			try (var document = Loader.loadPDF(pdf.render(certificate, language))) {
				assertThat(course.outcomes().get(language)).hasSize(4);
				assertThat(document.getNumberOfPages()).as(language.code()).isEqualTo(1);
			}
		}
	}

	@Test
	void aParticipationCertificateCountsTheMeetingsAttended() throws Exception {
		var staff = data.staff();
		var name = organisations.find(staff.organisation()).orElseThrow().name();
		var certificate = SampleCertificates.certificate(data.programme(staff, true), staff.organisation(),
				data.person("participant").id(), CertificateKind.PARTICIPATION,
				SampleCertificates.content("Pekka Participant", name, null), staff.coordinator().id());
		assertThat(text(certificate, Language.EN)).contains("Certificate of participation", "Meetings attended",
				"6 meetings attended");
		assertThat(text(certificate, Language.SV)).contains("Deltagarintyg", "6 träffar");
	}

	@Test
	void aPngLogoIsEmbeddedAsAnImage() throws Exception {
		var staff = data.staff();
		var certificate = mentorCertificate(staff);
		assertThat(images(certificate)).as("the QR code alone").hasSize(1);

		logos.upload(staff.organisation(), png(150, 50), staff.admin().id());

		assertThat(images(certificate)).as("the QR code and the logo")
			.hasSize(2)
			.anyMatch(i -> i.getWidth() == 150 && i.getHeight() == 50);
		try (var document = Loader.loadPDF(pdf.render(certificate, Language.EN))) {
			assertThat(figures(document)).contains("Logo of " + certificate.content().organisationName());
		}
	}

	@Test
	void anSvgLogoIsDrawn() throws Exception {
		var staff = data.staff();
		var certificate = mentorCertificate(staff);
		assertThat(logoRedOnTheFirstPage(certificate)).isFalse();

		logos.upload(staff.organisation(), SVG_LOGO.getBytes(StandardCharsets.UTF_8), staff.admin().id());

		assertThat(logoRedOnTheFirstPage(certificate)).isTrue();
	}

	private Certificate mentorCertificate(TestData.Staff staff) {
		var name = organisations.find(staff.organisation()).orElseThrow().name();
		return SampleCertificates.certificate(data.programme(staff, true), staff.organisation(),
				data.person("mentor").id(), CertificateKind.MENTOR,
				SampleCertificates.content(SampleCertificates.HOLDER, name, null), staff.coordinator().id());
	}

	private String text(Certificate certificate, Language language) throws Exception {
		try (var document = Loader.loadPDF(pdf.render(certificate, language))) {
			return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
		}
	}

	private List<PDImageXObject> images(Certificate certificate) throws Exception {
		try (var document = Loader.loadPDF(pdf.render(certificate, Language.EN))) {
			var images = new ArrayList<PDImageXObject>();
			for (var page : document.getPages()) {
				for (var name : page.getResources().getXObjectNames()) {
					if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
						images.add(image);
					}
				}
			}
			return images;
		}
	}

	private boolean logoRedOnTheFirstPage(Certificate certificate) throws Exception {
		try (var document = Loader.loadPDF(pdf.render(certificate, Language.EN))) {
			var page = new PDFRenderer(document).renderImageWithDPI(0, 72, ImageType.RGB);
			for (int y = 0; y < page.getHeight() / 4; y++) {
				for (int x = 0; x < page.getWidth(); x++) {
					var c = new Color(page.getRGB(x, y));
					if (Math.abs(c.getRed() - LOGO_RED.getRed()) < 12
							&& Math.abs(c.getGreen() - LOGO_RED.getGreen()) < 12
							&& Math.abs(c.getBlue() - LOGO_RED.getBlue()) < 12) {
						return true;
					}
				}
			}
			return false;
		}
	}

	/** The demo course's learning outcomes per language, as the demo data reads them. */
	private static Map<Language, List<String>> demoOutcomes() throws Exception {
		var outcomes = new EnumMap<Language, List<String>>(Language.class);
		try (var in = new ClassPathResource("demo/course-SZ00CM31.txt").getInputStream()) {
			var lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
			for (var line : lines.subList(lines.indexOf("OUTCOMES") + 1, lines.size())) {
				if (!line.contains("|")) {
					break;
				}
				var parts = line.split("\\|", 2);
				outcomes.computeIfAbsent(Language.valueOf(parts[0]), l -> new ArrayList<>()).add(parts[1]);
			}
		}
		return outcomes;
	}

	static byte[] png(int width, int height) throws Exception {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new Color(0x2f, 0x5d, 0x62));
		g.fillRect(0, 0, width, height);
		g.dispose();
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private static void assertEveryFontEmbedded(PDDocument document) throws Exception {
		int fonts = 0;
		for (var page : document.getPages()) {
			for (var name : page.getResources().getFontNames()) {
				var font = page.getResources().getFont(name);
				assertThat(font.isEmbedded()).as(font.getName()).isTrue();
				fonts++;
			}
		}
		assertThat(fonts).isPositive();
	}

	/** The alternative texts of every figure in the structure tree. */
	static List<String> figures(PDDocument document) {
		var alts = new ArrayList<String>();
		collect(document.getDocumentCatalog().getStructureTreeRoot(), alts);
		return alts;
	}

	private static void collect(PDStructureNode node, List<String> alts) {
		for (var kid : node.getKids()) {
			if (kid instanceof PDStructureElement element) {
				if ("Figure".equals(element.getStructureType()) && element.getAlternateDescription() != null) {
					alts.add(element.getAlternateDescription());
				}
				collect(element, alts);
			}
		}
	}

	record Expected(Language language, String title, String total, String heading, String group) {
	}

}
