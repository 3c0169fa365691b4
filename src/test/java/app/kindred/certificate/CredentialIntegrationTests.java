package app.kindred.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.SignedJWT;

import app.kindred.TestData;
import app.kindred.certificate.internal.Certificate;
import app.kindred.certificate.internal.CertificateStore;
import app.kindred.certificate.internal.IssuerKeys;
import app.kindred.organisation.OrganisationId;

/**
 * The digital credential: the holder downloads their certificate as an Open Badges 3.0
 * credential signed as a VC-JWT, and a verifier checks it with nothing but what Kindred
 * publishes: the key set its header names, fetched over HTTP and read by Nimbus, never by
 * Kindred's issuing code. A changed byte fails the check; the private key is published
 * nowhere and stored only encrypted; two first uses at once make one key; nobody but the
 * holder gets the credential, and a revoked certificate none. Runs on H2 and, with
 * KINDRED_DB_URL, on PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CredentialIntegrationTests {

	static final String BASE = "http://localhost:8080";

	@Autowired
	MockMvc mvc;

	@Autowired
	VerifiableCertificates certificates;

	@Autowired
	CertificateStore store;

	@Autowired
	IssuerKeys keys;

	@Autowired
	TestData data;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theHolderGetsACredentialThatAVerifierChecksWithThePublishedKeyAlone() throws Exception {
		var issuer = certificates.issuer();
		var certificate = certificates.mentor(issuer);

		var download = mvc.perform(get(credentialPath(certificate)).with(as(issuer.holder()))).andReturn();
		assertThat(download.getResponse().getStatus()).isEqualTo(200);
		assertThat(download.getResponse().getContentType()).startsWith("application/jwt");
		assertThat(download.getResponse().getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"credential-" + certificate.displayCode() + ".jwt\"");
		var compact = body(download);

		var jwt = SignedJWT.parse(compact);
		var header = jwt.getHeader();
		assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
		assertThat(header.getType()).isEqualTo(JOSEObjectType.JWT);
		var profileUrl = BASE + "/credentials/issuers/" + issuer.staff().organisation();
		assertThat(header.getKeyID()).startsWith(profileUrl + "/jwks.json#");
		// Only what Open Badges allows in the header
		assertThat(header.toJSONObject().keySet()).containsExactlyInAnyOrder("alg", "typ", "kid");

		var verifier = verifierFor(header.getKeyID());
		assertThat(jwt.verify(verifier)).isTrue();

		var parts = compact.split("\\.");
		var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
		var changedPayload = payload.replace(issuer.holderName(), "X" + issuer.holderName().substring(1));
		assertThat(changedPayload).isNotEqualTo(payload);
		assertThat(SignedJWT
			.parse(parts[0] + "." + encode(changedPayload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2])
			.verify(verifier)).isFalse();
		var signature = Base64.getUrlDecoder().decode(parts[2]);
		signature[signature.length / 2] ^= 0x01;
		assertThat(SignedJWT.parse(parts[0] + "." + parts[1] + "." + encode(signature)).verify(verifier)).isFalse();

		var claims = jwt.getJWTClaimsSet();
		assertThat(claims.getStringListClaim("@context")).containsExactly("https://www.w3.org/ns/credentials/v2",
				"https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
		assertThat(claims.getStringListClaim("type")).containsExactly("VerifiableCredential", "OpenBadgeCredential");
		var verifyUrl = BASE + "/verify/" + certificate.displayCode();
		assertThat(claims.getStringClaim("id")).isEqualTo(verifyUrl);
		assertThat(claims.getJWTID()).isEqualTo(verifyUrl);
		var credentialIssuer = claims.getJSONObjectClaim("issuer");
		assertThat(credentialIssuer).containsEntry("id", profileUrl)
			.containsEntry("name", "Test University of Verification");
		assertThat(claims.getIssuer()).isEqualTo(profileUrl);
		var issued = VerifiableCertificates.ISSUED.truncatedTo(ChronoUnit.SECONDS);
		assertThat(claims.getStringClaim("validFrom")).isEqualTo("2027-03-15T08:00:00Z");
		assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(issued);
		var subject = claims.getJSONObjectClaim("credentialSubject");
		assertThat(subject.get("type")).isEqualTo(List.of("AchievementSubject"));
		assertThat(claims.getSubject()).isEqualTo(subject.get("id")).startsWith("urn:uuid:");
		assertThat((List<?>) subject.get("identifier")).singleElement()
			.isEqualTo(Map.of("type", "IdentityObject", "identityType", "name", "hashed", false, "identityHash",
					issuer.holderName()));
		@SuppressWarnings("unchecked")
		var achievement = (Map<String, Object>) subject.get("achievement");
		assertThat(achievement.get("type")).isEqualTo(List.of("Achievement"));
		assertThat((String) achievement.get("id")).startsWith("urn:uuid:");
		assertThat(achievement.get("name")).isEqualTo("Mentor certificate: Compassion mentoring");
		assertThat(achievement.get("criteria").toString()).contains("2 trainings", "1 supervision session,",
				"met 6 times", "20.5 hours in total");
		assertThat(payload).doesNotContain(issuer.holder().email()).doesNotContain("@test.example");

		// The issuer id is where the organisation's profile is, and it names the key set
		var profile = mvc.perform(get(path(profileUrl))).andReturn();
		assertThat(profile.getResponse().getStatus()).isEqualTo(200);
		var profileJson = JSONObjectUtils.parse(body(profile));
		assertThat(profileJson).containsEntry("id", profileUrl)
			.containsEntry("type", List.of("Profile"))
			.containsEntry("jwks_uri", profileUrl + "/jwks.json");

		// The private key is published nowhere and stored only encrypted
		var d = keys.signingKey(issuer.staff().organisation()).getD().toString();
		var keySet = body(mvc.perform(get(path(profileUrl + "/jwks.json"))).andReturn());
		for (var published : List.of(keySet, body(profile), compact, payload)) {
			assertThat(published).doesNotContain(d).doesNotContain("\"d\"");
		}
		var stored = jdbc.sql("select public_jwk, private_jwe from issuer_key where organisation_id = ?")
			.param(issuer.staff().organisation().value())
			.query((rs, n) -> rs.getString(1) + " " + rs.getString(2))
			.single();
		assertThat(stored).doesNotContain(d).doesNotContain("\"d\"");
	}

	@Test
	void aCourseCredentialCarriesTheCodeAndCredits() throws Exception {
		var issuer = certificates.issuer();
		var certificate = certificates.course(issuer);

		var jwt = SignedJWT
			.parse(body(mvc.perform(get(credentialPath(certificate)).with(as(issuer.holder()))).andReturn()));
		assertThat(jwt.verify(verifierFor(jwt.getHeader().getKeyID()))).isTrue();
		var subject = jwt.getJWTClaimsSet().getJSONObjectClaim("credentialSubject");
		assertThat(subject.get("creditsEarned")).isEqualTo(3.0);
		@SuppressWarnings("unchecked")
		var achievement = (Map<String, Object>) subject.get("achievement");
		assertThat(achievement).containsEntry("humanCode", "SZ00CM31")
			.containsEntry("creditsAvailable", 3.0)
			.containsEntry("achievementType", "Course");
		assertThat(achievement.get("criteria").toString()).contains("SZ00CM31 (3 ECTS credits)",
				"Leads a group with compassion");
	}

	@Test
	void twoFirstUsesAtOnceMakeOneKey() throws Exception {
		var staff = data.staff();
		var organisation = staff.organisation();
		int threads = 4;
		var start = new CountDownLatch(1);
		var pool = Executors.newFixedThreadPool(threads);
		try {
			var tasks = new ArrayList<Callable<String>>();
			for (int i = 0; i < threads; i++) {
				tasks.add(() -> {
					start.await();
					return keys.signingKey(organisation).getKeyID();
				});
			}
			var futures = tasks.stream().map(pool::submit).toList();
			start.countDown();
			var made = new ArrayList<String>();
			for (var future : futures) {
				made.add(future.get());
			}
			assertThat(made).hasSize(threads).containsOnly(made.getFirst());
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("select key_id from issuer_key where organisation_id = ?")
			.param(organisation.value())
			.query(String.class)
			.list()).containsExactly(keys.publicKey(organisation).orElseThrow().getKeyID());
	}

	@Test
	void nobodyButTheHolderGetsTheCredential() throws Exception {
		var issuer = certificates.issuer();
		var certificate = certificates.mentor(issuer);
		var otherMentor = data.person("other-mentor");

		for (var stranger : List.of(otherMentor, issuer.staff().coordinator(), issuer.staff().admin())) {
			assertThat(mvc.perform(get(credentialPath(certificate)).with(as(stranger)))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(404);
		}
		var anonymous = mvc.perform(get(credentialPath(certificate))).andReturn();
		assertThat(anonymous.getResponse().getStatus()).isEqualTo(302);
		assertThat(anonymous.getResponse().getRedirectedUrl()).endsWith("/sign-in");
		assertThat(mvc.perform(get("/account/certificates/not-a-uuid/credential.jwt").with(as(issuer.holder())))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void aRevokedCertificateIsNotHandedOutAsACredential() throws Exception {
		var issuer = certificates.issuer();
		var certificate = certificates.mentor(issuer);
		store.revoke(certificate.id(), issuer.staff().coordinator().id(), Instant.now(), "Issued by mistake");

		var refused = mvc.perform(get(credentialPath(certificate)).with(as(issuer.holder()))).andReturn();
		assertThat(refused.getResponse().getStatus()).isEqualTo(409);
		assertThat(body(refused)).contains("This certificate has been revoked, so it cannot be downloaded");
	}

	@Test
	void anOrganisationPublishesNoProfileOrKeysBeforeItsFirstCredential() throws Exception {
		var staff = data.staff();
		for (var organisation : List.of(staff.organisation(), new OrganisationId(UUID.randomUUID()))) {
			for (var path : List.of("/credentials/issuers/" + organisation,
					"/credentials/issuers/" + organisation + "/jwks.json")) {
				assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).as(path).isEqualTo(404);
			}
		}
		assertThat(mvc.perform(get("/credentials/issuers/not-an-id/jwks.json")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	/**
	 * What a verifier does with the {@code kid}: fetch the key set it names, parse it,
	 * and take the key whose id is the fragment.
	 */
	private ECDSAVerifier verifierFor(String kid) throws Exception {
		var address = kid.substring(0, kid.indexOf('#'));
		var response = mvc.perform(get(path(address))).andReturn();
		assertThat(response.getResponse().getStatus()).isEqualTo(200);
		assertThat(response.getResponse().getContentType()).startsWith("application/jwk-set+json");
		var set = JWKSet.parse(body(response));
		var key = set.getKeyByKeyId(kid.substring(kid.indexOf('#') + 1));
		assertThat(key).as("the key the header names").isNotNull();
		assertThat(key.isPrivate()).isFalse();
		return new ECDSAVerifier(key.toECKey());
	}

	private RequestPostProcessor as(TestData.Person person) {
		return user(users.loadUserByUsername(person.email()));
	}

	private static String credentialPath(Certificate certificate) {
		return "/account/certificates/" + certificate.id() + "/credential.jwt";
	}

	private static String path(String url) {
		assertThat(url).startsWith(BASE);
		return url.substring(BASE.length());
	}

	private static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String body(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

}
