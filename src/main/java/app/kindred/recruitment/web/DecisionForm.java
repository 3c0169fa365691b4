package app.kindred.recruitment.web;

import org.springframework.validation.BindingResult;

import app.kindred.recruitment.internal.ApplicationService;

/**
 * The reason a coordinator gives for accepting, declining or returning an application.
 * Bound as a form so that a reason that cannot be stored (NUL, half a surrogate pair, a
 * repeated parameter) comes back at its field. {@code confirmed}: a decline is sent again
 * from its confirmation page, which says who will be told.
 */
record DecisionForm(String reason, Boolean confirmed) {

	/**
	 * Whether the reason is fit for the audit trail; otherwise the problem is at the
	 * field.
	 */
	boolean check(BindingResult result) {
		if (!result.hasFieldErrors("reason")
				&& (reason == null || reason.isBlank() || reason.strip().length() > ApplicationService.REASON_LENGTH)) {
			result.rejectValue("reason", "applications.decision.reasonRequired");
		}
		return !result.hasErrors();
	}

	/** Sent from the confirmation page (absent on the first send). */
	boolean isConfirmed() {
		return Boolean.TRUE.equals(confirmed);
	}
}
