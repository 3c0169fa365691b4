package app.kindred.certificate.internal;

import java.time.Instant;
import java.util.UUID;

import app.kindred.certificate.CertificateKind;
import app.kindred.identity.AccountId;
import app.kindred.organisation.OrganisationId;
import app.kindred.programme.ProgrammeId;

/**
 * A certificate as issued, and revoked if it was. {@code code} is the verification code
 * as stored (no hyphens); {@link #displayCode()} is how it is printed.
 */
public record Certificate(UUID id, String code, ProgrammeId programme, OrganisationId organisation, AccountId holder,
		CertificateKind kind, CertificateContent content, Instant issuedAt, AccountId issuedBy, String overrideReason,
		Instant revokedAt, AccountId revokedBy, String revokeReason) {

	public boolean revoked() {
		return revokedAt != null;
	}

	/** The code in groups of four, as printed, shown and put in the verification URL. */
	public String displayCode() {
		return VerificationCodes.display(code);
	}

	/** The address of the verification page, without the host. */
	public String verifyPath() {
		return "/verify/" + displayCode();
	}

}
