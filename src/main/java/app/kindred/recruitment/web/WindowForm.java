package app.kindred.recruitment.web;

import java.time.LocalDateTime;

import org.springframework.validation.BindingResult;

/**
 * The new close of a window, in the organisation's time zone, as an
 * {@code <input type="datetime-local">} sends it.
 */
record WindowForm(LocalDateTime closes) {

	/** Whether a time came that could be read; otherwise the problem is at the field. */
	boolean check(BindingResult result) {
		if (!result.hasErrors() && closes == null) {
			result.rejectValue("closes", "applications.window.required");
		}
		return !result.hasErrors();
	}

}
