package app.kindred.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestData.Person;
import app.kindred.TestGroups;
import app.kindred.TestSmtp;
import app.kindred.certificate.internal.Certificate;
import app.kindred.certificate.internal.CertificateContent;
import app.kindred.certificate.internal.CertificateStore;
import app.kindred.certificate.internal.IssuerKeys;
import app.kindred.certificate.internal.VerificationCodes;
import app.kindred.core.Language;
import app.kindred.organisation.OrganisationId;
import app.kindred.programme.ProgrammeId;

/**
 * Walks every certificate route (the coordinators' pages under
 * {@code /programmes/{id}/certificates}, the participant's request, the holder's PDF and
 * credential under {@code /account/certificates}, the public verification page and issuer
 * profile, and the organisation admins' logo) as everyone who could try it, on a credit
 * course in its term where the mentor holds a mentor's certificate, so that the ids and
 * the code in the URLs are real. The coordinators' pages are the programme's
 * coordinators' (the organisation's other staff 403, anyone else 404); a certificate is
 * its holder's and, for its PDF, the programme's coordinators' too (anyone else 404, as
 * if it did not exist); the verification page and the issuer's profile and keys are
 * anyone's, and a code nobody holds is a 404 for everyone; the logo is the organisation's
 * admins'. A certificate route the table does not name fails the test, so nobody adds one
 * without deciding who may open it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CertificateRouteAccessIntegrationTests {

	enum Who {

		ANONYMOUS, STRANGER,
		/** The mentor who holds the certificates the URLs name. */
		THE_MENTOR,
		/** Her co-mentor, whom the coordinator issues a certificate by hand. */
		CO_MENTOR, OTHER_GROUP_MENTOR,
		/** A participant of the mentor's group, who may ask for her own certificate. */
		PARTICIPANT, TEACHER,
		/** Staff of another organisation, in each role. */
		OTHER_ORG_TEACHER, OTHER_ORG_COORDINATOR, OTHER_ORG_ADMIN, COORDINATOR, ORG_ADMIN

	}

	/** What a request answers: allowed (2xx or a redirect within the app), or refused. */
	enum Outcome {

		OK, SIGN_IN, FORBIDDEN, NOT_FOUND,
		/**
		 * Allowed in, but the (deliberately empty) input was refused: 400, 409 or 422.
		 */
		REFUSED_INPUT

	}

	/**
	 * A route, the URL to try it at, and who gets what; {@code upload} sends a logo as a
	 * multipart form.
	 */
	record Route(HttpMethod method, String pattern, Function<Fixture, String> url, Map<Who, Outcome> expected,
			boolean upload) {
	}

	/**
	 * The course and its people, made once, with the mentor's certificate that the holder
	 * routes read; for each role's walk, a course certificate of hers made afresh for it
	 * to revoke.
	 */
	record Fixture(ProgrammeId programme, OrganisationId organisation, Map<Who, Person> people, Certificate held,
			Certificate revocable) {

		String certificates() {
			return "/programmes/" + programme.value() + "/certificates";
		}

		String account(Certificate certificate) {
			return "/account/certificates/" + certificate.id();
		}

		String organisations() {
			return "/organisations/" + organisation.value();
		}

		String issuer() {
			return "/credentials/issuers/" + organisation.value();
		}

		UUID id(Who who) {
			return people.get(who).id().value();
		}

	}

	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	static final SecureRandom RANDOM = new SecureRandom();

	/** A code in the printed form that no certificate has. */
	static final String NOBODYS_CODE = VerificationCodes.display(code());

	static final List<Route> ROUTES = List.of(
			// The coordinators' pages: who qualifies and why not, issuing, revoking and
			// the programme's rule
			get("/programmes/{id}/certificates", f -> f.certificates(), coordinators(Outcome.OK)),
			// Unconfirmed, issuing to all who qualify only asks first (the confirmation
			// page): it mails them
			post("/programmes/{id}/certificates/issue", f -> f.certificates() + "/issue", coordinators(Outcome.OK)),
			// One person by hand, with the reason an override needs
			post("/programmes/{id}/certificates/issue/{account}",
					f -> f.certificates() + "/issue/" + f.id(Who.CO_MENTOR)
							+ "?kind=MENTOR&reason=Led every meeting held so far and the term ends early for her.",
					coordinators(Outcome.OK)),
			post("/programmes/{id}/certificates/{certificate}/revoke",
					f -> f.certificates() + "/" + f.revocable().id() + "/revoke?reason=Issued to the wrong person.",
					coordinators(Outcome.OK)),
			get("/programmes/{id}/certificates/settings", f -> f.certificates() + "/settings",
					coordinators(Outcome.OK)),
			post("/programmes/{id}/certificates/settings", f -> f.certificates() + "/settings",
					coordinators(Outcome.REFUSED_INPUT)),
			// A participant asks for her own participation certificate, which the
			// programme's rule offers (see course()); nobody else is a participant
			post("/programmes/{id}/certificates/request", f -> f.certificates() + "/request",
					nobodyBut(Map.of(Who.PARTICIPANT, Outcome.OK))),
			// The holder's certificate: the PDF hers and the programme's coordinators',
			// the
			// signed credential hers alone; an id nobody holds is nobody's
			get("/account/certificates/{certificate}.pdf", f -> f.account(f.held()) + ".pdf?language=fi",
					nobodyBut(Map.of(Who.THE_MENTOR, Outcome.OK, Who.COORDINATOR, Outcome.OK))),
			get("/account/certificates/{certificate}.pdf",
					f -> "/account/certificates/" + UUID.randomUUID() + ".pdf?language=fi", nobodyBut(Map.of())),
			get("/account/certificates/{certificate}/credential.jwt", f -> f.account(f.held()) + "/credential.jwt",
					nobodyBut(Map.of(Who.THE_MENTOR, Outcome.OK))),
			get("/account/certificates/{certificate}/credential.jwt",
					f -> "/account/certificates/" + UUID.randomUUID() + "/credential.jwt", nobodyBut(Map.of())),
			// Public: anyone verifies a code as printed; a code nobody holds is a 404 for
			// everyone
			get("/verify/{code}", f -> f.held().verifyPath(), everyone(Outcome.OK)),
			get("/verify/{code}", f -> "/verify/" + NOBODYS_CODE, everyone(Outcome.NOT_FOUND)),
			get("/credentials/issuers/{organisation}", f -> f.issuer(), everyone(Outcome.OK)),
			get("/credentials/issuers/{organisation}/jwks.json", f -> f.issuer() + "/jwks.json", everyone(Outcome.OK)),
			// The organisation's logo for its certificates: its admins' (the upload comes
			// before the removal, so there is one to remove)
			get("/organisations/{id}/logo", f -> f.organisations() + "/logo", admins(Outcome.OK)),
			upload("/organisations/{id}/logo", f -> f.organisations() + "/logo", admins(Outcome.OK)),
			post("/organisations/{id}/logo/remove", f -> f.organisations() + "/logo/remove", admins(Outcome.OK)));

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TestData data;

	@Autowired
	TestGroups groups;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CertificateStore certificates;

	@Autowired
	IssuerKeys issuerKeys;

	/**
	 * Every route of the certificates' paths is in the table; the path variables' names
	 * do not matter, only where they are.
	 */
	@Test
	void everyCertificateRouteIsInTheTable() {
		var listed = ROUTES.stream().map(r -> r.method() + " " + shape(r.pattern())).toList();
		var missing = new ArrayList<String>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			for (var pattern : info.getPatternValues()) {
				var shape = shape(pattern);
				if (!shape.startsWith("/programmes/{}/certificates") && !shape.startsWith("/account/certificates")
						&& !shape.startsWith("/verify/{}") && !shape.startsWith("/credentials/")
						&& !shape.startsWith("/organisations/{}/logo")) {
					continue;
				}
				var methods = info.getMethodsCondition().getMethods();
				if (methods.isEmpty()) {
					missing.add("ANY " + pattern);
				}
				methods.stream()
					.filter(m -> !listed.contains(m.name() + " " + shape))
					.map(m -> m.name() + " " + pattern)
					.forEach(missing::add);
			}
		});
		assertThat(missing).as("certificate routes without an expected outcome per role").isEmpty();
	}

	@Test
	void everyRoleGetsTheExpectedAnswerOnEveryCertificateRoute() throws Exception {
		var course = course();
		var failures = new ArrayList<String>();
		for (var who : Who.values()) {
			var fixture = freshFor(course);
			for (var route : ROUTES) {
				var url = route.url().apply(fixture);
				MvcResult result;
				try {
					result = perform(route, url, who, fixture.people().get(who));
				}
				catch (Exception failed) {
					failures.add("%s %s as %s: failed with %s".formatted(route.method(), url, who, failed));
					continue;
				}
				var expected = route.expected().get(who);
				var actual = outcome(result);
				if (actual != expected) {
					failures.add("%s %s as %s: expected %s, got %s (%d)".formatted(route.method(), url, who, expected,
							actual, result.getResponse().getStatus()));
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	/**
	 * The credit course in its term (three meetings held) with its people, a rule under
	 * which its mentors qualify and its participants may ask for a certificate, and the
	 * mentor's certificate as the coordinator would have issued it.
	 */
	private Fixture course() {
		var term = groups.creditCourse();
		var id = term.programme();
		var people = new EnumMap<Who, Person>(Who.class);
		people.put(Who.STRANGER, term.staff().outsider());
		people.put(Who.THE_MENTOR, term.mentor(term.first(), 0));
		people.put(Who.CO_MENTOR, term.mentor(term.first(), 1));
		people.put(Who.OTHER_GROUP_MENTOR, term.mentor(term.second(), 0));
		people.put(Who.PARTICIPANT, term.participants(term.first()).get(0));
		people.put(Who.TEACHER, term.staff().teacher());
		var other = data.staff();
		people.put(Who.OTHER_ORG_TEACHER, other.teacher());
		people.put(Who.OTHER_ORG_COORDINATOR, other.coordinator());
		people.put(Who.OTHER_ORG_ADMIN, other.admin());
		people.put(Who.COORDINATOR, term.staff().coordinator());
		people.put(Who.ORG_ADMIN, term.staff().admin());
		// As the settings page would save it: no trainings needed, the three meetings
		// held enough, and participation certificates offered to anyone in a group
		jdbc.sql("""
				insert into certificate_settings (programme_id, require_training, minimum_meetings, participation,
				                                  participant_minimum_meetings, updated_by, updated_at)
				values (?, false, 3, true, 0, ?, ?)""")
			.params(id.value(), term.staff().coordinator().id().value(), data.now().atOffset(ZoneOffset.UTC))
			.update();
		var held = certificate(id, term.staff().organisation(), people, CertificateKind.MENTOR);
		// The organisation has signed a credential before, so its issuer profile and keys
		// are published (an organisation that never signed one has none: 404)
		issuerKeys.signingKey(term.staff().organisation());
		return new Fixture(id, term.staff().organisation(), people, held, null);
	}

	/**
	 * The course with a new course certificate of the mentor's to revoke; the one the
	 * walk before left in force (every role's but the coordinator's) revoked first, as
	 * only one is in force at a time.
	 */
	private Fixture freshFor(Fixture course) {
		var mentor = course.people().get(Who.THE_MENTOR).id();
		var coordinator = course.people().get(Who.COORDINATOR).id();
		certificates.inForce(course.programme(), mentor, CertificateKind.COURSE)
			.ifPresent(c -> certificates.revoke(c.id(), coordinator, data.now(), "Made afresh for the next walk."));
		var revocable = certificate(course.programme(), course.organisation(), course.people(), CertificateKind.COURSE);
		return new Fixture(course.programme(), course.organisation(), course.people(), course.held(), revocable);
	}

	/** A certificate of the mentor's of this kind, issued by the coordinator today. */
	private Certificate certificate(ProgrammeId programme, OrganisationId organisation, Map<Who, Person> people,
			CertificateKind kind) {
		var today = LocalDate.ofInstant(data.now(), ZoneOffset.UTC);
		var course = kind == CertificateKind.COURSE ? new CertificateContent.Course("TEST-01", 3, today,
				Map.of(Language.EN, List.of("You can guide a peer group."))) : null;
		var content = new CertificateContent("Test Mentor", "Test University", Map.of(Language.EN, "Test programme"),
				today.minusWeeks(2), today.plusWeeks(4),
				List.of(new CertificateContent.Session(today.minusWeeks(3), 210)), List.of(),
				List.of(new CertificateContent.Group(1, Language.EN, 3, 360)), 570, null, course, "Test Coordinator",
				null);
		var certificate = new Certificate(UUID.randomUUID(), code(), programme, organisation,
				people.get(Who.THE_MENTOR).id(), kind, content, data.now(), people.get(Who.COORDINATOR).id(), null,
				null, null, null);
		certificates.insert(certificate);
		return certificate;
	}

	/** A new code as stored: 20 characters of Crockford's base 32. */
	private static String code() {
		var code = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * The request as the role makes it. Each role is a client of its own (its own
	 * address), so that the public verification page's limit per client is never what
	 * answers. A logo is sent as a small PNG under both names a form might give it.
	 */
	private MvcResult perform(Route route, String url, Who who, Person person) throws Exception {
		AbstractMockHttpServletRequestBuilder<?> request;
		if (route.upload()) {
			var png = png();
			request = MockMvcRequestBuilders.multipart(url)
				.file(new MockMultipartFile("logo", "logo.png", "image/png", png))
				.file(new MockMultipartFile("file", "logo.png", "image/png", png));
		}
		else {
			request = MockMvcRequestBuilders.request(route.method(), url);
		}
		if (route.method() != HttpMethod.GET) {
			request.with(csrf());
		}
		var address = "192.0.2." + (who.ordinal() + 1);
		request.with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
		if (person != null) {
			request.with(user(users.loadUserByUsername(person.email())));
		}
		return mvc.perform(request).andReturn();
	}

	/** A 240 by 80 logo: a dark band on white. */
	private static byte[] png() throws IOException {
		var image = new BufferedImage(240, 80, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, 240, 80);
		graphics.setColor(new Color(0x1F, 0x3A, 0x5F));
		graphics.fillRect(20, 20, 200, 40);
		graphics.dispose();
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private static Outcome outcome(MvcResult result) {
		var status = result.getResponse().getStatus();
		var location = result.getResponse().getRedirectedUrl();
		if (status == 302 && location != null && location.endsWith("/sign-in")) {
			return Outcome.SIGN_IN;
		}
		if (status >= 300 && status < 400 && (location == null || !location.startsWith("/"))) {
			return null;
		}
		return switch (status) {
			case 403 -> Outcome.FORBIDDEN;
			case 404 -> Outcome.NOT_FOUND;
			case 400, 409, 422 -> Outcome.REFUSED_INPUT;
			default -> status < 400 ? Outcome.OK : null;
		};
	}

	/** The pattern with each path variable's name left out. */
	private static String shape(String pattern) {
		return pattern.replaceAll("\\{[^}]*}", "{}");
	}

	private static Route get(String pattern, Function<Fixture, String> url, Map<Who, Outcome> expected) {
		return new Route(HttpMethod.GET, pattern, url, expected, false);
	}

	private static Route post(String pattern, Function<Fixture, String> url, Map<Who, Outcome> expected) {
		return new Route(HttpMethod.POST, pattern, url, expected, false);
	}

	private static Route upload(String pattern, Function<Fixture, String> url, Map<Who, Outcome> expected) {
		return new Route(HttpMethod.POST, pattern, url, expected, true);
	}

	/** Everyone signed in gets a 404 unless named; anonymous is sent to sign in. */
	private static Map<Who, Outcome> nobodyBut(Map<Who, Outcome> allowed) {
		var map = new EnumMap<Who, Outcome>(Who.class);
		for (var who : Who.values()) {
			map.put(who, Outcome.NOT_FOUND);
		}
		map.put(Who.ANONYMOUS, Outcome.SIGN_IN);
		map.putAll(allowed);
		return map;
	}

	/** The same answer for everyone, signed in or not. */
	private static Map<Who, Outcome> everyone(Outcome outcome) {
		var map = new EnumMap<Who, Outcome>(Who.class);
		for (var who : Who.values()) {
			map.put(who, outcome);
		}
		return map;
	}

	/** The programme's coordinators; the organisation's other staff 403. */
	private static Map<Who, Outcome> coordinators(Outcome outcome) {
		return nobodyBut(
				Map.of(Who.COORDINATOR, outcome, Who.TEACHER, Outcome.FORBIDDEN, Who.ORG_ADMIN, Outcome.FORBIDDEN));
	}

	/** The organisation's admins; its other staff 403. */
	private static Map<Who, Outcome> admins(Outcome outcome) {
		return nobodyBut(
				Map.of(Who.ORG_ADMIN, outcome, Who.COORDINATOR, Outcome.FORBIDDEN, Who.TEACHER, Outcome.FORBIDDEN));
	}

}
