package app.kindred.core.web;

import java.util.LinkedHashMap;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import app.kindred.core.NotFoundException;
import app.kindred.core.Refused;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * The JSON API answers every error as an RFC 9457 problem detail, with a title in the
 * caller's language.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound() {
		return problem(HttpStatus.NOT_FOUND, "error.404.title");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail malformedId() {
		return problem(HttpStatus.NOT_FOUND, "error.404.title");
	}

	/** A refusal names its reason in the detail, and its field when it has one. */
	@ExceptionHandler(Refused.class)
	ProblemDetail refused(Refused refused) {
		var problem = problem(refused.status(), "error.api." + refused.status().value());
		var reason = messages.getMessage(refused.key(), null, LocaleContextHolder.getLocale());
		problem.setDetail(reason);
		refused.field().ifPresent(field -> problem.setProperty("errors", Map.of(field, reason)));
		return problem;
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden() {
		return problem(HttpStatus.FORBIDDEN, "error.403.title");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var problem = problem(HttpStatus.BAD_REQUEST, "error.validation.title");
		var errors = new LinkedHashMap<String, String>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach(e -> errors.putIfAbsent(e.getField(), messages.getMessage(e, LocaleContextHolder.getLocale())));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(e -> errors.putIfAbsent(e.getObjectName(),
					messages.getMessage(e, LocaleContextHolder.getLocale())));
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	/**
	 * A body that does not read (a wrong type, an absurd date, text that cannot be
	 * stored) names the field it failed at, as a validation error does.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var problem = problem(HttpStatus.BAD_REQUEST, "error.validation.title");
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
				var field = new StringBuilder();
				for (var reference : json.getPath()) {
					if (reference.getPropertyName() != null) {
						field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
					}
					else if (reference.getIndex() >= 0) {
						field.append('[').append(reference.getIndex()).append(']');
					}
				}
				var errors = new LinkedHashMap<String, String>();
				errors.put(field.toString(),
						messages.getMessage("typeMismatch", null, LocaleContextHolder.getLocale()));
				problem.setProperty("errors", errors);
				break;
			}
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail detail) {
			detail.setTitle(messages.getMessage("error.api." + statusCode.value(), null, detail.getTitle(),
					LocaleContextHolder.getLocale()));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private ProblemDetail problem(HttpStatus status, String titleKey) {
		var problem = ProblemDetail.forStatus(status);
		problem.setTitle(messages.getMessage(titleKey, null, LocaleContextHolder.getLocale()));
		return problem;
	}

}
