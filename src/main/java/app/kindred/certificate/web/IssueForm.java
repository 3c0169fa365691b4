package app.kindred.certificate.web;

import java.util.Optional;

import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

import app.kindred.certificate.CertificateKind;
import app.kindred.certificate.internal.CertificateService;

/**
 * One person's certificate as the coordinator asks for it: the kind (mentor or course)
 * and a reason, which the service requires only when the rule does not qualify them.
 */
record IssueForm(String kind, @Size(max = CertificateService.REASON_MAX) String reason) {

	static IssueForm empty() {
		return new IssueForm(null, null);
	}

	/** The kind, or empty with the problem at its field (a forged kind included). */
	Optional<CertificateKind> check(BindingResult result) {
		CertificateKind chosen = null;
		if ("MENTOR".equals(kind) || "COURSE".equals(kind)) {
			chosen = CertificateKind.valueOf(kind);
		}
		else if (!result.hasFieldErrors("kind")) {
			result.rejectValue("kind", "certificate.issue.kindInvalid");
		}
		return result.hasErrors() ? Optional.empty() : Optional.ofNullable(chosen);
	}

}
