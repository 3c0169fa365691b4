package app.kindred.certificate.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import app.kindred.certificate.CertificateKind;
import app.kindred.core.KindredProperties;
import app.kindred.core.Language;
import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;
import app.kindred.organisation.Organisations;

/**
 * A certificate as an Open Badges 3.0 {@code OpenBadgeCredential} (a W3C Verifiable
 * Credential, data model 2.0), signed by its organisation's key as a VC-JWT (Open Badges
 * 3.0, "JSON Web Token Proof Format"): the credential's members are the JWT's claims,
 * with {@code iss}, {@code jti}, {@code nbf} and {@code sub} repeating the issuer, the
 * id, the start of validity and the subject; the JOSE header is {@code alg} ES256,
 * {@code typ} JWT and {@code kid} the address of the organisation's key set with the
 * key's id as the fragment ({@code …/credentials/issuers/{org}/jwks.json#<thumbprint>}),
 * which the credential's verifier dereferences. The credential's id is the verification
 * page, which also tells whether it was revoked since. Of the holder it carries the name
 * only.
 */
@Component
public class OpenBadgeCredential {

	static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";

	static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

	private final CertificateStore certificates;

	private final IssuerKeys keys;

	private final Organisations organisations;

	private final KindredProperties kindred;

	private final MessageSource messages;

	OpenBadgeCredential(CertificateStore certificates, IssuerKeys keys, Organisations organisations,
			KindredProperties kindred, MessageSource messages) {
		this.certificates = certificates;
		this.keys = keys;
		this.organisations = organisations;
		this.kindred = kindred;
		this.messages = messages;
	}

	/** A signed credential and the code of the certificate it stands for. */
	public record Signed(String code, String jwt) {
	}

	/**
	 * The holder's certificate as a signed credential, its texts in {@code language}.
	 * Anyone but the holder gets a 404 as if there were none; a revoked certificate is
	 * not handed out (409).
	 */
	public Signed forHolder(UUID certificate, AccountId holder, Language language) {
		var c = certificates.byId(certificate)
			.filter(found -> found.holder().equals(holder))
			.orElseThrow(() -> new NotFoundException("certificate " + certificate));
		if (c.revoked()) {
			throw Refused.conflict("certificate.credential.revoked");
		}
		return new Signed(c.displayCode(), sign(c, language));
	}

	/** The issuer's id in every credential it signs, where its profile is published. */
	public String issuerId(OrganisationId organisation) {
		return kindred.link("/credentials/issuers/" + organisation);
	}

	/** Where the organisation's public keys are published. */
	public String keySetUrl(OrganisationId organisation) {
		return issuerId(organisation) + "/jwks.json";
	}

	/**
	 * The organisation's Open Badges issuer profile, once it has a key (it has signed a
	 * credential); with the address of its public keys, which the profile's vocabulary
	 * has no term for.
	 */
	public Optional<Map<String, Object>> profile(OrganisationId organisation) {
		if (keys.publicKey(organisation).isEmpty()) {
			return Optional.empty();
		}
		return organisations.find(organisation).map(o -> {
			var profile = new LinkedHashMap<String, Object>();
			profile.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
			profile.put("id", issuerId(organisation));
			profile.put("type", List.of("Profile"));
			profile.put("name", o.name());
			profile.put("jwks_uri", keySetUrl(organisation));
			return profile;
		});
	}

	/** The organisation's public keys, once it has one. */
	public Optional<JWKSet> keySet(OrganisationId organisation) {
		return keys.publicKey(organisation).map(JWKSet::new);
	}

	private String sign(Certificate c, Language language) {
		var key = keys.signingKey(c.organisation());
		var credential = credential(c, language);
		var claims = new JWTClaimsSet.Builder();
		credential.forEach(claims::claim);
		@SuppressWarnings("unchecked")
		var subject = (Map<String, Object>) credential.get("credentialSubject");
		claims.issuer(issuerId(c.organisation()))
			.jwtID((String) credential.get("id"))
			.notBeforeTime(Date.from(validFrom(c)))
			.subject((String) subject.get("id"));
		var header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(JOSEObjectType.JWT)
			.keyID(keySetUrl(c.organisation()) + "#" + key.getKeyID())
			.build();
		var jwt = new SignedJWT(header, claims.build());
		try {
			jwt.sign(new ECDSASigner(key));
		}
		catch (JOSEException e) {
			throw new IllegalStateException("cannot sign the credential of certificate " + c.id(), e);
		}
		return jwt.serialize();
	}

	/** The credential's members, in the order the data model lists them. */
	Map<String, Object> credential(Certificate c, Language language) {
		var content = c.content();
		var programme = content.programmeName(language);
		var credential = new LinkedHashMap<String, Object>();
		credential.put("@context", List.of(VC_CONTEXT, OB_CONTEXT));
		credential.put("id", kindred.link(c.verifyPath()));
		credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
		credential.put("name", text(language, "certificate.credential.name." + c.kind(), programme));
		credential.put("issuer", Map.of("id", issuerId(c.organisation()), "type", List.of("Profile"), "name",
				content.organisationName()));
		credential.put("validFrom", validFrom(c).toString());
		credential.put("credentialSubject", subject(c, language, programme));
		return credential;
	}

	private Map<String, Object> subject(Certificate c, Language language, String programme) {
		var content = c.content();
		var subject = new LinkedHashMap<String, Object>();
		// A stable id of its own for each certificate's subject, which Open Badges' "sub"
		// needs; neither the account's id nor anything else that would link certificates
		subject.put("id", urn("subject:" + c.id()));
		subject.put("type", List.of("AchievementSubject"));
		subject.put("identifier", List.of(Map.of("type", "IdentityObject", "identityType", "name", "hashed", false,
				"identityHash", content.holderName())));
		subject.put("achievement", achievement(c, language, programme));
		subject.put("term", content.termStart() + "/" + content.termEnd());
		if (c.kind() == CertificateKind.COURSE && content.course() != null) {
			subject.put("creditsEarned", (double) content.course().credits());
		}
		return subject;
	}

	private Map<String, Object> achievement(Certificate c, Language language, String programme) {
		var content = c.content();
		var achievement = new LinkedHashMap<String, Object>();
		achievement.put("id", urn("achievement:" + c.programme() + ":" + c.kind()));
		achievement.put("type", List.of("Achievement"));
		achievement.put("achievementType", c.kind() == CertificateKind.COURSE ? "Course" : "CoCurricular");
		achievement.put("name", text(language, "certificate.credential.name." + c.kind(), programme));
		achievement.put("description", text(language, "certificate.credential.description." + c.kind(), programme,
				content.organisationName()));
		achievement.put("criteria", Map.of("narrative", criteria(c, language, programme)));
		var course = content.course();
		if (c.kind() == CertificateKind.COURSE && course != null) {
			if (course.code() != null) {
				achievement.put("humanCode", course.code());
			}
			achievement.put("creditsAvailable", (double) course.credits());
		}
		return achievement;
	}

	/** What the certificate certifies, in words: the figures the PDF prints. */
	private String criteria(Certificate c, Language language, String programme) {
		var content = c.content();
		var start = date(content.termStart(), language);
		var end = date(content.termEnd(), language);
		int meetings = content.groups().stream().mapToInt(CertificateContent.Group::meetings).sum();
		return switch (c.kind()) {
			case MENTOR -> text(language, "certificate.credential.criteria.MENTOR", content.trainings().size(),
					content.supervision().size(), meetings, start, end, content.totalHours());
			case PARTICIPATION -> text(language, "certificate.credential.criteria.PARTICIPATION", meetings, start, end);
			case COURSE -> {
				var course = content.course();
				var passed = text(language, "certificate.credential.criteria.COURSE",
						course.code() == null ? programme : course.code(), course.credits(),
						date(course.passedOn(), language));
				var outcomes = course.outcomes().getOrDefault(language, List.of());
				yield outcomes.isEmpty() ? passed
						: passed + " " + text(language, "certificate.credential.outcomes", String.join("; ", outcomes));
			}
		};
	}

	/** Whole seconds, since {@code nbf} has no more and must equal {@code validFrom}. */
	private static Instant validFrom(Certificate c) {
		return c.issuedAt().truncatedTo(ChronoUnit.SECONDS);
	}

	private String text(Language language, String key, Object... arguments) {
		return messages.getMessage(key, arguments, language.locale());
	}

	private static String date(LocalDate date, Language language) {
		return date == null ? ""
				: DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.locale()).format(date);
	}

	private static String urn(String name) {
		return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
	}

}
