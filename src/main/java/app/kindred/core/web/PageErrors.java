package app.kindred.core.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import org.springframework.ui.Model;

/**
 * Errors on pages answer with a page in the user's language, never a stack trace. Access
 * denials are left to Spring Security, which sends anonymous users to sign in and shows
 * the others a 403 page.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

	/**
	 * A refusal the page did not show beside its form: the refusal page, with the
	 * refusal's status and message.
	 */
	@ExceptionHandler(Refused.class)
	String refused(Refused refused, Model model, HttpServletResponse response) {
		response.setStatus(refused.status().value());
		model.addAttribute("refusal", refused.key());
		return "error/4xx";
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	/**
	 * A malformed id in a path is a page that does not exist; a malformed request
	 * parameter (a forged hidden field, text that cannot be stored) is a bad request.
	 * Forms that people type into bind to a form object instead, whose errors come back
	 * at their fields.
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	String malformedArgument(MethodArgumentTypeMismatchException e, HttpServletResponse response) {
		if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return "error/404";
		}
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return "error/4xx";
	}

}
