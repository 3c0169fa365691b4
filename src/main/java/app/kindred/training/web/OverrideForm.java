package app.kindred.training.web;

import java.util.Optional;

import org.springframework.validation.BindingResult;

import app.kindred.core.NotFoundException;

/**
 * A coordinator's decision on a mentor's readiness: READY, NOT_READY or RULE (back to
 * attendance), with a reason for the first two. Bound as a form so that a reason that
 * cannot be stored comes back at its field.
 */
record OverrideForm(String decision, String reason) {

	static final int REASON_LENGTH = 500;

	/**
	 * The decision as checked: {@code ready} null goes back to the rule, without a
	 * reason.
	 */
	record Checked(Boolean ready, String reason) {
	}

	/**
	 * The decision, or empty with the problem at the reason's field. The decision comes
	 * from a select the page offers, so any other value is a page that does not exist.
	 */
	Optional<Checked> check(BindingResult result) {
		Boolean ready = switch (result.hasFieldErrors("decision") || decision == null ? "" : decision) {
			case "READY" -> true;
			case "NOT_READY" -> false;
			case "RULE" -> null;
			default -> throw new NotFoundException("decision");
		};
		if (!result.hasFieldErrors("reason") && ready != null
				&& (reason == null || reason.isBlank() || reason.strip().length() > REASON_LENGTH)) {
			result.rejectValue("reason", "training.override.reasonRequired");
		}
		return result.hasErrors() ? Optional.empty() : Optional.of(new Checked(ready, ready == null ? "" : reason));
	}
}
