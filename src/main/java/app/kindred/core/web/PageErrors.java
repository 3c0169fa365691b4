package app.kindred.core.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import app.kindred.core.NotFoundException;

/**
 * Errors on pages answer with a page in the user's language, never a stack trace. Access denials are left to
 * Spring Security, which sends anonymous users to sign in and shows the others a 403 page.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

	/** A malformed id in a path is a page that does not exist. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String malformedId() {
		return "error/404";
	}
}
