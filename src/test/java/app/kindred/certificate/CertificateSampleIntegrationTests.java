package app.kindred.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestSmtp;
import app.kindred.certificate.internal.CertificatePdf;
import app.kindred.core.Language;
import app.kindred.organisation.OrganisationKind;
import app.kindred.organisation.OrganisationService;
import app.kindred.organisation.OrganisationSettings;
import app.kindred.organisation.internal.LogoService;

/**
 * Writes the README's sample certificate ({@code docs/certificate-sample.png}): a mentor
 * certificate of the demo organisation for an invented mentor, drawn as any certificate
 * is and rendered at 100 dpi. Run only when asked:
 * {@code -Dit.test=CertificateSampleIntegrationTests -Dkindred.certificate.sample=docs/certificate-sample.png}.
 */
@SpringBootTest(properties = "kindred.base-url=https://kindred.revontuli.example")
@EnabledIfSystemProperty(named = "kindred.certificate.sample", matches = ".+")
class CertificateSampleIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	/** An invented mark for the demo university: a green disc under a band of light. */
	static final String DEMO_LOGO = """
			<svg xmlns="http://www.w3.org/2000/svg" width="150" height="60" viewBox="0 0 150 60">
			  <circle cx="30" cy="30" r="26" fill="#2f5d62"/>
			  <path d="M8 26 C 22 8, 40 8, 54 24" stroke="#7fd1ae" stroke-width="5" fill="none"/>
			  <path d="M10 36 C 24 20, 40 20, 52 34" stroke="#c2f0dc" stroke-width="3" fill="none"/>
			</svg>""";

	@Autowired
	TestData data;

	@Autowired
	OrganisationService organisations;

	@Autowired
	LogoService logos;

	@Autowired
	CertificatePdf pdf;

	@Test
	void writeTheSample() throws Exception {
		var founder = data.person("Aino Admin");
		var organisation = organisations
			.create(new OrganisationSettings("Revontuli University (demo)", OrganisationKind.UNIVERSITY, Language.FI,
					ZoneId.of("Europe/Helsinki"), "Wellbeing Desk", "wellbeing@demo.kindred.test"), founder.id());
		logos.upload(organisation, DEMO_LOGO.getBytes(StandardCharsets.UTF_8), founder.id());
		var staff = data.staff();
		var certificate = SampleCertificates.certificate(data.programme(staff, true), organisation,
				data.person("mentor").id(), CertificateKind.MENTOR,
				SampleCertificates.content("Ilona Virtanen-Lindqvist", "Revontuli University (demo)", null),
				founder.id());
		var content = pdf.render(certificate, Language.EN);

		var target = Path.of(System.getProperty("kindred.certificate.sample"));
		Files.createDirectories(target.toAbsolutePath().getParent());
		try (var document = Loader.loadPDF(content)) {
			var image = new PDFRenderer(document).renderImageWithDPI(0, 100, ImageType.RGB);
			assertThat(ImageIO.write(image, "png", target.toFile())).isTrue();
		}
		assertThat(Files.size(target)).isLessThan(300 * 1024);
	}

}
