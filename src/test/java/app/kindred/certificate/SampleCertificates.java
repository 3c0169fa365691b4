package app.kindred.certificate;

import java.awt.image.BufferedImage;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import app.kindred.certificate.internal.Certificate;
import app.kindred.certificate.internal.CertificateContent;
import app.kindred.certificate.internal.CertificateContent.Course;
import app.kindred.certificate.internal.CertificateContent.Group;
import app.kindred.certificate.internal.CertificateContent.Session;
import app.kindred.core.Language;
import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;
import app.kindred.programme.ProgrammeId;

/**
 * Certificates made directly, with everything a certificate can show, for tests that draw
 * them and the README's sample; and reading a QR code back from a drawn page.
 */
public final class SampleCertificates {

	public static final String HOLDER = "Łukasz Nguyễn Åström";

	static final Map<Language, String> PROGRAMME = Map.of(Language.EN, "Compassion mentoring, autumn 2027", Language.FI,
			"Myötätuntomentorointi, syksy 2027", Language.SV, "Medkänslomentorskap, hösten 2027");

	/** 3.5 + 3.5 + 3 hours of training, 1.5 + 2 of supervision, 12 in the group: 25.5. */
	static final int TOTAL_MINUTES = 210 + 210 + 180 + 90 + 120 + 720;

	static final String ROLE_EN = "Led a peer group of six students with a co-mentor, prepared each meeting with the "
			+ "session plans, and took part in supervision.";

	private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private SampleCertificates() {
	}

	public static CertificateContent content(String holder, String organisation, Course course) {
		return new CertificateContent(holder, organisation, PROGRAMME, LocalDate.of(2027, 9, 1),
				LocalDate.of(2027, 12, 17),
				List.of(new Session(LocalDate.of(2027, 8, 25), 210), new Session(LocalDate.of(2027, 9, 1), 210),
						new Session(LocalDate.of(2027, 9, 8), 180)),
				List.of(new Session(LocalDate.of(2027, 10, 6), 90), new Session(LocalDate.of(2027, 11, 3), 120)),
				List.of(new Group(3, Language.FI, 6, 720)), TOTAL_MINUTES, Map.of(Language.EN, ROLE_EN), course,
				"Cecilia Coordinator", "Wellbeing coordinator");
	}

	public static Course course() {
		return new Course("SZ00CM31", 3, LocalDate.of(2027, 12, 20),
				Map.of(Language.EN,
						List.of("The student can guide a peer group with compassion.",
								"The student can reflect on their own wellbeing skills."),
						Language.FI,
						List.of("Opiskelija osaa ohjata vertaisryhmää myötätuntoisesti.",
								"Opiskelija osaa pohtia omia hyvinvointitaitojaan."),
						Language.SV, List.of("Studenten kan leda en kamratgrupp med medkänsla.",
								"Studenten kan reflektera över sina egna välbefinnandefärdigheter.")));
	}

	public static Certificate certificate(ProgrammeId programme, OrganisationId organisation, AccountId holder,
			CertificateKind kind, CertificateContent content, AccountId issuedBy) {
		return new Certificate(UUID.randomUUID(), code(), programme, organisation, holder, kind, content,
				Instant.parse("2027-12-20T10:00:00Z"), issuedBy, null, null, null, null);
	}

	/** A verification code as stored: 20 characters of Crockford's base 32. */
	static String code() {
		var code = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	/** The first QR code found on any page, read by zxing's own reader; null if none. */
	public static String scanQr(PDDocument pdf) throws Exception {
		var renderer = new PDFRenderer(pdf);
		for (int i = 0; i < pdf.getNumberOfPages(); i++) {
			var image = renderer.renderImageWithDPI(i, 150, ImageType.RGB);
			try {
				return new QRCodeReader().decode(bitmap(image), Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
					.getText();
			}
			catch (ReaderException notOnThisPage) {
				// the next page, if any
			}
		}
		return null;
	}

	private static BinaryBitmap bitmap(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		var pixels = image.getRGB(0, 0, width, height, null, 0, width);
		return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
	}

}
