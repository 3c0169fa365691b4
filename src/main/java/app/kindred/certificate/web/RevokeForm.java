package app.kindred.certificate.web;

import java.util.Optional;

import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

import app.kindred.certificate.internal.CertificateService;

/** Why a certificate is revoked: kept with it and shown on its holder's page. */
record RevokeForm(@Size(max = CertificateService.REASON_MAX) String reason) {

	static RevokeForm empty() {
		return new RevokeForm(null);
	}

	/** The reason, or empty with the problem at its field. */
	Optional<String> check(BindingResult result) {
		var typed = reason == null ? "" : reason.strip();
		if (!result.hasFieldErrors("reason")) {
			if (typed.isEmpty()) {
				result.rejectValue("reason", "certificate.issue.reason.required");
			}
			else if (typed.length() < CertificateService.REASON_MIN) {
				result.rejectValue("reason", "certificate.issue.reason.size");
			}
		}
		return result.hasErrors() ? Optional.empty() : Optional.of(typed);
	}

}
