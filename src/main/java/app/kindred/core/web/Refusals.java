package app.kindred.core.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

import app.kindred.core.Refused;

/**
 * Shows a refusal on the page the request came from, for pages that render their form
 * again with what was typed kept: the answer gets the refusal's status, and the message
 * goes to its field when the page has the form, otherwise to the page's {@code refusal}
 * notice (the layout shows it in an alert). A refusal no page catches answers the refusal
 * page ({@code PageErrors}).
 */
public final class Refusals {

	private Refusals() {
	}

	/**
	 * @param form the form's binding result, or {@code null} when the page has none
	 */
	public static void show(Refused refused, BindingResult form, Model model, HttpServletResponse response) {
		response.setStatus(refused.status().value());
		if (form != null && refused.field().isPresent()) {
			form.rejectValue(refused.field().get(), refused.key());
		}
		else {
			model.addAttribute("refusal", refused.key());
		}
	}

}
