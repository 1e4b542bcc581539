package org.decoop.platform.web;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.decoop.platform.domain.DoesNotExist;
import org.decoop.platform.domain.DomainException;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.NotAllowed;
import org.decoop.platform.domain.StaleVersion;
import org.decoop.platform.domain.StateConflict;
import org.decoop.platform.domain.UnknownReference;
import org.decoop.platform.outbox.OutboxFull;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;

/**
 * Every error answer of every service as RFC 9457 problem details: a {@code type}, a
 * {@code title}, a {@code detail}, and, for bad input, the offending {@code field} and
 * the list of {@code errors} ({@code [{field, message}]}). Bad input is never a 500.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private static final String TYPE_BASE = "https://decoop.org/problems/";

	// The handlers answer what Spring's handleExceptionInternal does: null once the
	// response is committed.

	/**
	 * A rule of the domain refused the command: its kind decides the status, its field
	 * the request field.
	 */
	@ExceptionHandler(DomainException.class)
	@Nullable ResponseEntity<Object> handleDomain(DomainException exception, WebRequest request) {
		HttpStatus status = switch (exception) {
			case InvalidValue invalid -> HttpStatus.BAD_REQUEST;
			case UnknownReference unknown -> HttpStatus.UNPROCESSABLE_CONTENT;
			case StateConflict conflict -> HttpStatus.CONFLICT;
			case DoesNotExist missing -> HttpStatus.NOT_FOUND;
			case StaleVersion stale -> HttpStatus.PRECONDITION_FAILED;
			case NotAllowed notAllowed -> HttpStatus.FORBIDDEN;
		};
		String slug = switch (exception) {
			case InvalidValue invalid -> "validation";
			case UnknownReference unknown -> "unprocessable";
			case StateConflict conflict -> "conflict";
			case DoesNotExist missing -> "not-found";
			case StaleVersion stale -> "stale-version";
			case NotAllowed notAllowed -> "forbidden";
		};
		ProblemDetail problem = problem(status, slug, exception.getMessage());
		exception.field()
			.ifPresent(
					field -> withErrors(problem, List.of(new FieldProblem(field.toString(), exception.getMessage()))));
		return handleExceptionInternal(exception, problem, new HttpHeaders(), status, request);
	}

	@ExceptionHandler(InvalidParameterException.class)
	@Nullable ResponseEntity<Object> handleTomcatParameters(InvalidParameterException exception, WebRequest request) {
		if (exception.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
			ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
					"Too many or too large parameters");
			return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE,
					request);
		}
		return handleMalformedQuery(exception, request);
	}

	/** multipart bodies are never accepted (and Spring's multipart support is off). */
	@ExceptionHandler(MultipartException.class)
	@Nullable ResponseEntity<Object> handleMultipart(MultipartException exception, WebRequest request) {
		return handleUnsupportedBody(new ApiRequestGuard.UnsupportedBody(
				"the request body must be JSON in UTF-8 (Content-Type: application/json)"), request);
	}

	/**
	 * A missing or refused login found inside a handler is Spring Security's to answer
	 * (401 with {@code WWW-Authenticate}, 403), never this advice's 500.
	 */
	@ExceptionHandler({ AuthenticationException.class, AccessDeniedException.class })
	void leaveToSecurity(RuntimeException exception) {
		throw exception;
	}

	/**
	 * Spring Security's firewall refuses some parameter names (a NUL, a control
	 * character) when they are first read.
	 */
	@ExceptionHandler(RequestRejectedException.class)
	@Nullable ResponseEntity<Object> handleRejectedRequest(RequestRejectedException exception, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation",
				"The query string names a parameter that is not allowed");
		withErrors(problem, List.of(new FieldProblem("query", "a parameter name holds a control character")));
		return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(ApiRequestGuard.MalformedQuery.class)
	@Nullable ResponseEntity<Object> handleMalformedQuery(RuntimeException exception, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation",
				"The query string is not valid percent-encoded UTF-8");
		withErrors(problem, List.of(new FieldProblem("query", "not valid percent-encoded UTF-8")));
		return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(ApiRequestGuard.UnsupportedBody.class)
	@Nullable ResponseEntity<Object> handleUnsupportedBody(ApiRequestGuard.UnsupportedBody exception, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				exception.getMessage());
		HttpHeaders headers = new HttpHeaders();
		headers.set("Accept-Post", "application/json");
		return handleExceptionInternal(exception, problem, headers, HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
	}

	@ExceptionHandler(LimitReached.class)
	@Nullable ResponseEntity<Object> handleLimit(LimitReached exception, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "limit-reached", exception.getMessage());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds()));
		return handleExceptionInternal(exception, problem, headers, HttpStatus.TOO_MANY_REQUESTS, request);
	}

	/**
	 * Every CSV export place is taken: try again when one is free, never queued behind
	 * slow readers.
	 */
	@ExceptionHandler(CsvExports.ExportsBusy.class)
	@Nullable ResponseEntity<Object> handleExportsBusy(CsvExports.ExportsBusy exception, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "exports-busy", exception.getMessage());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "10");
		return handleExceptionInternal(exception, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	/**
	 * The broker has been away long enough that this resource's unpublished events
	 * reached their bound.
	 */
	@ExceptionHandler(OutboxFull.class)
	@Nullable ResponseEntity<Object> handleOutboxFull(OutboxFull exception, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "outbox-full",
				"Too many events of this resource wait for the message broker; nothing was changed. Try again later.");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "30");
		return handleExceptionInternal(exception, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	@ExceptionHandler(RequestBodyTooLarge.class)
	@Nullable ResponseEntity<Object> handleTooLarge(RequestBodyTooLarge exception, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", exception.getMessage());
		return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	@Nullable ResponseEntity<Object> handleConcurrentChange(OptimisticLockingFailureException exception, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "concurrent-modification",
				"The resource was changed by another request at the same time; read it again and retry.");
		return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
	}

	@ExceptionHandler(DuplicateKeyException.class)
	@Nullable ResponseEntity<Object> handleDuplicate(DuplicateKeyException exception, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "duplicate",
				"A resource with the same identity already exists.");
		return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
	}

	/**
	 * Method validation outside MVC's own (e.g. a @Validated bean): still the client's
	 * mistake.
	 */
	@ExceptionHandler(ConstraintViolationException.class)
	@Nullable ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException exception, WebRequest request) {
		List<FieldProblem> errors = exception.getConstraintViolations()
			.stream()
			.map(violation -> new FieldProblem(lastNode(violation.getPropertyPath().toString()),
					violation.getMessage()))
			.sorted(Comparator.comparing(FieldProblem::field))
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", describe(errors));
		withErrors(problem, errors);
		return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(Exception.class)
	@Nullable ResponseEntity<Object> handleUnexpected(Exception exception, WebRequest request) {
		Optional<RequestBodyTooLarge> tooLarge = causeOfType(exception, RequestBodyTooLarge.class);
		if (tooLarge.isPresent()) {
			return handleTooLarge(tooLarge.get(), request);
		}
		log.error("Unexpected error", exception);
		ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "An unexpected error occurred.");
		return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR,
				request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = exception.getBindingResult()
			.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(FieldError::getField))
			.map(error -> new FieldProblem(error.getField(), messageOf(error)))
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", describe(errors));
		withErrors(problem, errors);
		return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException exception, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		List<FieldProblem> errors = exception.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new FieldProblem(nameOf(result.getMethodParameter()), messageOf(error))))
			.toList();
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", describe(errors));
		withErrors(problem, errors);
		return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException exception, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = exception instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
				: Objects.requireNonNullElse(exception.getPropertyName(), "value");
		String message = exception.getRequiredType() == null ? "not a valid value"
				: "expected " + JsonBodyErrors.describeType(exception.getRequiredType());
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", field + ": " + message);
		withErrors(problem, List.of(new FieldProblem(field, message)));
		return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Optional<RequestBodyTooLarge> tooLarge = causeOfType(exception, RequestBodyTooLarge.class);
		if (tooLarge.isPresent()) {
			return handleTooLarge(tooLarge.get(), request);
		}
		JsonBodyErrors.BodyError error = JsonBodyErrors.of(causeOfType(exception, JacksonException.class));
		ProblemDetail problem;
		if (error.malformed()) {
			problem = problem(HttpStatus.BAD_REQUEST, "malformed-json", "The request body is not well-formed JSON.");
		}
		else {
			problem = problem(HttpStatus.BAD_REQUEST, "validation",
					error.field().isEmpty() ? "The request body does not have the expected shape: " + error.message()
							: error.field() + ": " + error.message());
			if (!error.field().isEmpty()) {
				withErrors(problem, List.of(new FieldProblem(error.field(), error.message())));
			}
		}
		return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/** Bean Validation always gives its message; a bare Spring error may not. */
	private static String messageOf(MessageSourceResolvable error) {
		return Objects.requireNonNullElse(error.getDefaultMessage(), "is not valid");
	}

	/**
	 * The build compiles with -parameters, so a name is there; without it, the position
	 * says which one.
	 */
	private static String nameOf(MethodParameter parameter) {
		return Objects.requireNonNullElse(parameter.getParameterName(), "arg" + parameter.getParameterIndex());
	}

	private static String lastNode(String propertyPath) {
		return propertyPath.substring(propertyPath.indexOf('.') + 1);
	}

	private static String describe(List<FieldProblem> errors) {
		return errors.stream().map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; "));
	}

	private static ProblemDetail problem(HttpStatus status, String slug, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_BASE + slug));
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

	private static void withErrors(ProblemDetail problem, List<FieldProblem> errors) {
		if (!errors.isEmpty()) {
			problem.setProperty("field", errors.get(0).field());
			problem.setProperty("errors",
					errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
		}
	}

	private static <T extends Throwable> Optional<T> causeOfType(Throwable exception, Class<T> type) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return Optional.of(type.cast(cause));
			}
		}
		return Optional.empty();
	}

	private record FieldProblem(String field, String message) {
	}

}
