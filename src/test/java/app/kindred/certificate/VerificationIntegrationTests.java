package app.kindred.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import app.kindred.certificate.internal.CertificateStore;

/**
 * The public verification page, as anyone without an account sees it: a genuine
 * certificate with what it certifies and nothing else about its holder, the code read
 * leniently, a revoked one marked with its day (never its reason), one identical "not
 * found" for every code that finds nothing, and a limit per client on lookups that counts
 * every lookup. Runs on H2 and, with KINDRED_DB_URL, on PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
class VerificationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	VerifiableCertificates certificates;

	@Autowired
	CertificateStore store;

	@Value("${kindred.verification.lookups}")
	int lookups;

	@Test
	void anyoneSeesThatAMentorCertificateIsGenuineAndWhatItCertifies() throws Exception {
		var issuer = certificates.issuer();
		var certificate = certificates.mentor(issuer);

		var result = lookUp("/verify/" + certificate.displayCode(), client());
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getHeader("X-Robots-Tag")).isEqualTo("noindex");
		var page = body(result);
		assertThat(page).contains("<meta name=\"robots\" content=\"noindex\">")
			.contains("It is genuine and valid.")
			.contains(issuer.holderName())
			.contains("Mentor certificate")
			.contains("Compassion mentoring")
			.contains("Test University of Verification")
			.contains("15 Mar 2027")
			.contains("1 Sept 2026", "18 Dec 2026")
			.contains("20.5 hours")
			.contains(certificate.displayCode())
			.doesNotContain("revoked");
		assertNothingElseAbout(issuer, page);
	}

	@Test
	void aCourseCertificateShowsItsCodeAndCreditsAndThePageSpeaksFinnish() throws Exception {
		var issuer = certificates.issuer();
		var certificate = certificates.course(issuer);

		var page = body(lookUp("/verify/" + certificate.displayCode() + "?lang=fi", client()));
		assertThat(page).contains("Todistus on aito ja voimassa.")
			.contains("Todistus opintojakson suorittamisesta")
			.contains("Myötätuntomentorointi")
			.contains("SZ00CM31")
			.contains("3 op")
			.contains("15.3.2027")
			.doesNotContain("tuntia");
		assertNothingElseAbout(issuer, page);
	}

	@Test
	void theCodeIsReadInAnyCaseWithOrWithoutHyphensOrSpaces() throws Exception {
		var issuer = certificates.issuer();
		var certificate = certificates.mentor(issuer);
		var client = client();

		for (var typed : new String[] { certificate.code(), certificate.code().toLowerCase(Locale.ROOT),
				certificate.displayCode().toLowerCase(Locale.ROOT), certificate.displayCode().replace("-", " ") }) {
			var result = lookUp("/verify/" + typed, client);
			assertThat(result.getResponse().getStatus()).as(typed).isEqualTo(200);
			assertThat(body(result)).as(typed).contains(issuer.holderName());
		}
	}

	@Test
	void aRevokedCertificateSaysSoAndWhenButNotWhy() throws Exception {
		var issuer = certificates.issuer();
		var certificate = certificates.mentor(issuer);
		var reason = "Attendance was recorded for the wrong person " + UUID.randomUUID();
		assertThat(store.revoke(certificate.id(), issuer.staff().coordinator().id(),
				Instant.parse("2027-04-02T09:30:00Z"), reason))
			.isTrue();

		var result = lookUp("/verify/" + certificate.displayCode(), client());
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(result)).contains("revoked on 2 Apr 2027 and is no longer valid")
			.contains(issuer.holderName())
			.doesNotContain("genuine and valid")
			.doesNotContain(reason)
			.doesNotContain("wrong person");
	}

	@Test
	void everyCodeThatFindsNothingGetsTheVerySameNotFound() throws Exception {
		var client = client();
		var wrong = lookUp("/verify/" + VerifiableCertificates.code(), client);
		var anotherWrong = lookUp("/verify/" + VerifiableCertificates.code().toLowerCase(Locale.ROOT), client);
		var malformed = lookUp("/verify/not-a-code", client);
		var tooLong = lookUp("/verify/" + "7".repeat(300), client);
		var unreadable = lookUp("/verify/ä-ö", client);

		for (var result : new MvcResult[] { wrong, anotherWrong, malformed, tooLong, unreadable }) {
			assertThat(result.getResponse().getStatus()).isEqualTo(404);
			assertThat(result.getResponse().getContentAsByteArray())
				.isEqualTo(wrong.getResponse().getContentAsByteArray());
			assertThat(result.getResponse().getContentType()).isEqualTo(wrong.getResponse().getContentType());
		}
		assertThat(body(wrong)).contains("No certificate has this verification code.")
			.contains("<meta name=\"robots\" content=\"noindex\">");
	}

	@Test
	void identitysVerificationPagesStillAnswer() throws Exception {
		assertThat(lookUp("/verify/resend", client()).getResponse().getStatus()).isEqualTo(200);
		assertThat(body(lookUp("/verify/resend", client()))).contains("name=\"email\"");
		var verify = lookUp("/verify?token=nonsense", client());
		assertThat(verify.getResponse().getStatus()).isLessThan(400);
		assertThat(body(verify)).doesNotContain("No certificate has this verification code.");
	}

	@Test
	void aClientMayLookUpSoManyCertificatesPerWindowFoundOrNotAndNoMore() throws Exception {
		var issuer = certificates.issuer();
		var certificate = certificates.mentor(issuer);
		var client = client();

		for (int i = 0; i < lookups; i++) {
			var path = "/verify/" + (i % 2 == 0 ? certificate.displayCode() : VerifiableCertificates.code());
			assertThat(lookUp(path, client).getResponse().getStatus()).as("lookup %d", i + 1)
				.isEqualTo(i % 2 == 0 ? 200 : 404);
		}
		for (var path : new String[] { "/verify/" + certificate.displayCode(),
				"/verify/" + VerifiableCertificates.code(), "/verify/not-a-code" }) {
			var refused = lookUp(path, client);
			assertThat(refused.getResponse().getStatus()).isEqualTo(429);
			var retryAfter = Long.parseLong(refused.getResponse().getHeader("Retry-After"));
			assertThat(retryAfter).isBetween(1L, 600L);
			assertThat(body(refused)).contains("Too many certificates have been looked up from your network")
				.doesNotContain(issuer.holderName());
		}
		assertThat(body(lookUp("/verify/" + certificate.displayCode() + "?lang=sv", client)))
			.contains("För många intyg har sökts från ditt nätverk");

		var another = lookUp("/verify/" + certificate.displayCode(), client());
		assertThat(another.getResponse().getStatus()).isEqualTo(200);
		assertThat(body(another)).contains(issuer.holderName());
	}

	private MvcResult lookUp(String path, String client) throws Exception {
		MockHttpServletRequestBuilder request = get(path);
		return mvc.perform(request.with(r -> {
			r.setRemoteAddr(client);
			return r;
		})).andReturn();
	}

	/**
	 * The holder's account (address, the group, what they attended) is not on the page.
	 */
	private static void assertNothingElseAbout(VerifiableCertificates.Issuer issuer, String page) {
		assertThat(page).doesNotContain(issuer.holder().email())
			.doesNotContain("@test.example")
			.doesNotContain("Coordinator Person")
			.doesNotContain("Group 3")
			.doesNotContain("Ryhmä 3");
	}

	/** A client of its own per test, so no other test's lookups count against it. */
	private static String client() {
		return "2001:db8::" + Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff) + ":"
				+ Integer.toHexString(UUID.randomUUID().hashCode() & 0xffff);
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
