package app.kindred.certificate.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Service;

import app.kindred.certificate.CertificateKind;
import app.kindred.core.Language;
import app.kindred.core.web.Dates;
import app.kindred.organisation.OrganisationSummary;
import app.kindred.organisation.Organisations;

/**
 * The public verification page's one question: is there a certificate with this code, and
 * is it still in force. It answers with what the certificate certifies and nothing else
 * about its holder, and with the same "not found" for a code never issued as for text
 * that cannot be a code. Not transactional: the throttle's statements commit alone.
 */
@Service
public class VerificationService {

	private final VerificationThrottle throttle;

	private final CertificateStore certificates;

	private final Organisations organisations;

	VerificationService(VerificationThrottle throttle, CertificateStore certificates, Organisations organisations) {
		this.throttle = throttle;
		this.certificates = certificates;
		this.organisations = organisations;
	}

	/** What a lookup of {@code given} by {@code client} finds. */
	public Lookup verify(String given, String client, Language language) {
		var wait = throttle.take(client);
		if (wait.isPresent()) {
			return new Throttled(wait.get());
		}
		return VerificationCodes.normalise(given)
			.flatMap(certificates::byCode)
			.<Lookup>map(c -> new Found(verified(c, language)))
			.orElse(new NotFound());
	}

	private Verified verified(Certificate c, Language language) {
		var content = c.content();
		// The days as the organisation saw them, the day printed on the certificate
		var zone = organisations.find(c.organisation()).map(OrganisationSummary::zone).orElse(Dates.DEFAULT_ZONE);
		// The programme's name in the viewer's language if it has one, else in one it has
		var names = content.programmeNames();
		var nameLanguage = names.containsKey(language) ? language : names.keySet().iterator().next();
		var course = c.kind() == CertificateKind.COURSE ? content.course() : null;
		return new Verified(c.displayCode(), content.holderName(), c.kind(), names.get(nameLanguage), nameLanguage,
				content.termStart(), content.termEnd(), course == null ? null : course.code(),
				course == null ? null : course.credits(),
				c.kind() == CertificateKind.MENTOR ? content.totalHours() : null, content.organisationName(),
				day(c.issuedAt(), zone), c.revoked() ? day(c.revokedAt(), zone) : null);
	}

	private static LocalDate day(Instant instant, ZoneId zone) {
		return instant.atZone(zone).toLocalDate();
	}

	/** What a lookup found. */
	public sealed interface Lookup permits Found, NotFound, Throttled {

	}

	/** A certificate with the code, revoked or not. */
	public record Found(Verified certificate) implements Lookup {
	}

	/** No certificate has the code, or the text given cannot be a code. */
	public record NotFound() implements Lookup {
	}

	/** The client has used up its lookups; it may try again after the wait. */
	public record Throttled(Duration retryAfter) implements Lookup {
	}

	/**
	 * A certificate as the verification page shows it: the holder's name, what it
	 * certifies, who issued it and when, and whether it was revoked (never why).
	 *
	 * @param programmeNameLanguage the language the programme's name is in, which may not
	 * be the viewer's
	 * @param courseCode the course's code, for a course certificate that has one
	 * @param credits the course's credits, for a course certificate
	 * @param hours the hours in total, for a mentor certificate
	 * @param revokedOn the day it was revoked, null while in force
	 */
	public record Verified(String code, String holderName, CertificateKind kind, String programmeName,
			Language programmeNameLanguage, LocalDate termStart, LocalDate termEnd, String courseCode, Integer credits,
			Double hours, String issuer, LocalDate issuedOn, LocalDate revokedOn) {

		public boolean revoked() {
			return revokedOn != null;
		}

	}

}
