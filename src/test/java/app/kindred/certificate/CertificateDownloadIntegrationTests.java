package app.kindred.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import app.kindred.TestData;
import app.kindred.TestSmtp;
import app.kindred.certificate.internal.Certificate;
import app.kindred.certificate.internal.CertificateStore;
import app.kindred.core.Language;
import app.kindred.identity.AccountService;
import app.kindred.identity.Accounts;
import app.kindred.organisation.Organisations;
import app.kindred.programme.ProgrammeId;

/**
 * The holder's certificates: listed on their account page, and each PDF downloaded in the
 * language chosen, by the holder and the programme's coordinators only; a revoked
 * certificate is listed with its reason but not downloaded.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CertificateDownloadIntegrationTests {

	@RegisterExtension
	static GreenMailExtension mail = TestSmtp.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	Accounts directory;

	@Autowired
	CertificateStore store;

	@Autowired
	Organisations organisations;

	@Autowired
	UserDetailsService users;

	@Test
	void theHolderAndTheProgrammesCoordinatorsDownloadItAndNobodyElseFindsIt() throws Exception {
		var staff = data.staff();
		var holder = data.person("holder");
		var certificate = issue(staff, data.programme(staff, true), holder, CertificateKind.MENTOR);
		var path = "/account/certificates/" + certificate.id() + ".pdf";

		var pdf = mvc.perform(get(path).param("language", "fi").with(as(holder)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"certificate-" + certificate.displayCode() + "-fi.pdf\""))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var document = Loader.loadPDF(pdf)) {
			assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("fi");
		}
		mvc.perform(get(path).param("language", "sv").with(as(staff.coordinator()))).andExpect(status().isOk());
		assertThat(directory.find(holder.id()).orElseThrow().language())
			.as("the document's language, not the holder's own")
			.isEqualTo(Language.EN);
		assertThat(directory.find(staff.coordinator().id()).orElseThrow().language()).isEqualTo(Language.EN);

		for (var other : new TestData.Person[] { data.person("another mentor"), staff.teacher(), staff.admin(),
				staff.outsider() }) {
			mvc.perform(get(path).param("language", "fi").with(as(other))).andExpect(status().isNotFound());
		}
		mvc.perform(get(path)).andExpect(redirectedUrl("/sign-in"));
		mvc.perform(get("/account/certificates/" + UUID.randomUUID() + ".pdf").with(as(holder)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/account/certificates/not-a-certificate.pdf").with(as(holder)))
			.andExpect(status().isNotFound());
	}

	@Test
	void theLanguageIsTheHoldersUnlessChosenAndOneKindredDoesNotSpeakIsRefused() throws Exception {
		var staff = data.staff();
		var email = TestData.uniqueEmail("finnish");
		var holder = new TestData.Person(
				accounts.registerVerified(email, "Aada Heikkilä", TestData.PASSWORD, Language.FI), email);
		var certificate = issue(staff, data.programme(staff, true), holder, CertificateKind.MENTOR);
		var path = "/account/certificates/" + certificate.id() + ".pdf";

		for (var who : new TestData.Person[] { holder, staff.coordinator() }) {
			mvc.perform(get(path).with(as(who)))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Disposition", endsWith("-fi.pdf\"")));
		}
		mvc.perform(get(path).param("language", "EN").with(as(holder)))
			.andExpect(header().string("Content-Disposition", endsWith("-en.pdf\"")));
		for (var bad : new String[] { "de", "x".repeat(5000), "fi,sv" }) {
			var body = mvc.perform(get(path).param("language", bad).with(as(staff.coordinator())))
				.andExpect(status().isUnprocessableContent())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(body).contains("Choose fi (Finnish), sv (Swedish) or en (English).");
		}
	}

	@Test
	void aRevokedCertificateIsNotDownloaded() throws Exception {
		var staff = data.staff();
		var holder = data.person("holder");
		var certificate = issue(staff, data.programme(staff, true), holder, CertificateKind.MENTOR);
		store.revoke(certificate.id(), staff.coordinator().id(), Instant.now(), "Issued to the wrong person");

		var body = mvc.perform(get("/account/certificates/" + certificate.id() + ".pdf").with(as(holder)))
			.andExpect(status().isConflict())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(body).contains("This certificate has been revoked, so it cannot be downloaded.");
	}

	@Test
	void theAccountPageListsTheHoldersCertificatesAndNothingForOthers() throws Exception {
		var staff = data.staff();
		var holder = data.person("holder");
		var programme = data.programme(staff, true);
		var mentor = issue(staff, programme, holder, CertificateKind.MENTOR);
		var course = issue(staff, programme, holder, CertificateKind.COURSE);
		store.revoke(course.id(), staff.coordinator().id(), Instant.now(), "The pass was withdrawn");

		var page = mvc.perform(get("/account").with(as(holder)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page)
			.contains("id=\"certificates-heading\"", "Mentor certificate: Compassion mentoring, autumn 2027",
					"href=\"/verify/" + mentor.displayCode() + "\"",
					"action=\"/account/certificates/" + mentor.id() + ".pdf\"",
					"href=\"/account/certificates/" + mentor.id() + "/credential.jwt\"",
					"Certificate of course completion: Compassion mentoring, autumn 2027",
					"href=\"/verify/" + course.displayCode() + "\"", "The pass was withdrawn")
			.doesNotContain("/account/certificates/" + course.id() + ".pdf",
					"/account/certificates/" + course.id() + "/credential.jwt");
		assertThat(Jsoup.parse(page).select("#lang-" + mentor.id() + " option[selected]").eachAttr("value"))
			.as("the PDF's language is the holder's unless chosen")
			.containsExactly("en");

		var someoneElse = mvc.perform(get("/account").with(as(data.person("nobody"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(someoneElse).doesNotContain("certificates-heading", mentor.displayCode());
	}

	private Certificate issue(TestData.Staff staff, ProgrammeId programme, TestData.Person holder,
			CertificateKind kind) {
		var name = organisations.find(staff.organisation()).orElseThrow().name();
		var certificate = SampleCertificates
			.certificate(programme, staff.organisation(), holder.id(), kind,
					SampleCertificates.content(SampleCertificates.HOLDER, name,
							kind == CertificateKind.COURSE ? SampleCertificates.course() : null),
					staff.coordinator().id());
		store.insert(certificate);
		return certificate;
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

}
