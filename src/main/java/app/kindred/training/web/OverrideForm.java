package app.kindred.training.web;

import org.springframework.validation.BindingResult;

/**
 * A coordinator's decision on a mentor's readiness: READY, NOT_READY or RULE (back to
 * attendance), with a reason for the first two. Bound as a form so that a reason that
 * cannot be stored comes back at its field.
 */
record OverrideForm(String decision, String reason) {

	static final int REASON_LENGTH = 500;

	/**
	 * Whether the reason is fit for the decision; otherwise the problem is at the field.
	 */
	boolean check(boolean needsReason, BindingResult result) {
		if (!result.hasFieldErrors("reason") && needsReason
				&& (reason == null || reason.isBlank() || reason.strip().length() > REASON_LENGTH)) {
			result.rejectValue("reason", "training.override.reasonRequired");
		}
		return !result.hasErrors();
	}
}
