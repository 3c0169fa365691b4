package app.kindred.certificate;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import app.kindred.TestData;
import app.kindred.TestData.Person;
import app.kindred.TestData.Staff;
import app.kindred.certificate.internal.Certificate;
import app.kindred.certificate.internal.CertificateContent;
import app.kindred.certificate.internal.CertificateContent.Course;
import app.kindred.certificate.internal.CertificateContent.Group;
import app.kindred.certificate.internal.CertificateContent.Session;
import app.kindred.certificate.internal.CertificateStore;
import app.kindred.core.Language;
import app.kindred.programme.ProgrammeId;

/**
 * Certificates stored as issuing stores them, with what they certify written out here, so
 * that the verification page and the credential are tested on known content.
 */
@Component
public class VerifiableCertificates {

	/** 10:00 in Helsinki on 15 March 2027, when every certificate here is issued. */
	public static final Instant ISSUED = Instant.parse("2027-03-15T08:00:00.123456Z");

	public static final LocalDate TERM_START = LocalDate.of(2026, 9, 1);

	public static final LocalDate TERM_END = LocalDate.of(2026, 12, 18);

	/** 20 h 30 min: 20.5 hours. */
	public static final int MINUTES = 1230;

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TestData data;

	private final CertificateStore certificates;

	VerifiableCertificates(TestData data, CertificateStore certificates) {
		this.data = data;
		this.certificates = certificates;
	}

	/** A programme of a new organisation, with a holder who is no staff of it. */
	public record Issuer(Staff staff, ProgrammeId programme, Person holder, String holderName) {
	}

	public Issuer issuer() {
		var staff = data.staff();
		var holder = data.person("holder");
		return new Issuer(staff, data.programme(staff, true), holder,
				"Aino Verifiable " + UUID.randomUUID().toString().substring(0, 6));
	}

	public Certificate mentor(Issuer issuer) {
		return insert(issuer, CertificateKind.MENTOR, null);
	}

	public Certificate course(Issuer issuer) {
		return insert(issuer, CertificateKind.COURSE, new Course("SZ00CM31", 3, LocalDate.of(2027, 1, 20),
				Map.of(Language.EN, List.of("Leads a group with compassion", "Reflects on own learning"))));
	}

	private Certificate insert(Issuer issuer, CertificateKind kind, Course course) {
		var content = new CertificateContent(issuer.holderName(), "Test University of Verification",
				Map.of(Language.EN, "Compassion mentoring", Language.FI, "Myötätuntomentorointi"), TERM_START, TERM_END,
				List.of(new Session(LocalDate.of(2026, 9, 5), 180), new Session(LocalDate.of(2026, 9, 12), 180)),
				List.of(new Session(LocalDate.of(2026, 11, 1), 90)), List.of(new Group(3, Language.EN, 6, 540)),
				MINUTES, Map.of(), course, "Coordinator Person", null);
		var certificate = new Certificate(UUID.randomUUID(), code(), issuer.programme(), issuer.staff().organisation(),
				issuer.holder().id(), kind, content, ISSUED, issuer.staff().coordinator().id(), null, null, null, null);
		certificates.insert(certificate);
		return certificate;
	}

	/** A code of the stored form that no certificate has (100 random bits). */
	public static String code() {
		var code = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

}
