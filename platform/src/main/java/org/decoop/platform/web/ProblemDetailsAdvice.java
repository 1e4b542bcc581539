package org.decoop.platform.web;

import java.net.URI;
import java.util.Comparator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.decoop.platform.domain.DoesNotExist;
import org.decoop.platform.domain.DomainException;
import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.domain.NotAllowed;
import org.decoop.platform.domain.Phrase;
import org.decoop.platform.domain.StaleVersion;
import org.decoop.platform.domain.StateConflict;
import org.decoop.platform.domain.UnknownReference;
import org.decoop.platform.i18n.LanguageMessageSource;
import org.decoop.platform.i18n.Languages;
import org.decoop.platform.outbox.OutboxFull;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
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
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;

/**
 * Every error answer of every service as RFC 9457 problem details: a {@code type}, a
 * {@code title}, a {@code detail}, and, for bad input, the offending {@code field} and
 * the list of {@code errors} ({@code [{field, message}]}). Bad input is never a 500.
 * <p>
 * {@code title}, {@code detail} and each error's {@code message} are in the request's
 * language ({@code Accept-Language}, {@link Languages#negotiate}), said
 * {@code Content-Language}; {@code type} and {@code field} never change. Domain rules say
 * theirs with a {@link Phrase}; a rule that still has only an English message keeps it.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private static final String TYPE_BASE = "https://decoop.org/problems/";

	// The handlers answer what Spring's handleExceptionInternal does: null once the
	// response is committed.

	/**
	 * The Bean Validation constraints said in every language, by the code Spring gives
	 * their errors; any other keeps Hibernate Validator's message.
	 */
	private static final Set<String> CONSTRAINTS = Set.of("NotNull", "NotBlank", "NotEmpty", "Size", "Min", "Max",
			"PositiveOrZero", "Digits", "Email", "Pattern");

	/** Without an application context (a plain test): the bundles on the class path. */
	private static @Nullable MessageSource classPathMessages;

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
		String detail = exception.phrase().map(phrase -> say(phrase, request)).orElse(exception.getMessage());
		ProblemDetail problem = problem(status, slug, detail);
		exception.field().ifPresent(field -> withErrors(problem, List.of(new FieldProblem(field.toString(), detail))));
		return handleExceptionInternal(exception, problem, new HttpHeaders(), status, request);
	}

	@ExceptionHandler(InvalidParameterException.class)
	@Nullable ResponseEntity<Object> handleTomcatParameters(InvalidParameterException exception, WebRequest request) {
		if (exception.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
			ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
					say("platform.parameters.too-large", request));
			return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE,
					request);
		}
		return handleMalformedQuery(exception, request);
	}

	/** multipart bodies are never accepted (and Spring's multipart support is off). */
	@ExceptionHandler(MultipartException.class)
	@Nullable ResponseEntity<Object> handleMultipart(MultipartException exception, WebRequest request) {
		return handleUnsupportedBody(new ApiRequestGuard.UnsupportedBody(Phrase.of("platform.body.json-only")),
				request);
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
				say("platform.query.name-not-allowed", request));
		withErrors(problem, List.of(new FieldProblem("query", say("platform.query.control-name", request))));
		return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(ApiRequestGuard.MalformedQuery.class)
	@Nullable ResponseEntity<Object> handleMalformedQuery(RuntimeException exception, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "validation", say("platform.query.malformed", request));
		withErrors(problem, List.of(new FieldProblem("query", say("platform.query.malformed.field", request))));
		return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler(ApiRequestGuard.UnsupportedBody.class)
	@Nullable ResponseEntity<Object> handleUnsupportedBody(ApiRequestGuard.UnsupportedBody exception, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				say(exception.phrase(), request));
		HttpHeaders headers = new HttpHeaders();
		headers.set("Accept-Post", "application/json");
		return handleExceptionInternal(exception, problem, headers, HttpStatus.UNSUPPORTED_MEDIA_TYPE, request);
	}

	@ExceptionHandler(LimitReached.class)
	@Nullable ResponseEntity<Object> handleLimit(LimitReached exception, WebRequest request) {
		return tryAgainIn(exception.retryAfterSeconds(), exception,
				problem(HttpStatus.TOO_MANY_REQUESTS, "limit-reached",
						exception.phrase().map(phrase -> say(phrase, request)).orElse(exception.getMessage())),
				request);
	}

	/**
	 * Every CSV export place is taken: try again when one is free, never queued behind
	 * slow readers.
	 */
	@ExceptionHandler(CsvExports.ExportsBusy.class)
	@Nullable ResponseEntity<Object> handleExportsBusy(CsvExports.ExportsBusy exception, WebRequest request) {
		return tryAgainIn(10, exception,
				problem(HttpStatus.SERVICE_UNAVAILABLE, "exports-busy", say("platform.exports-busy", request)),
				request);
	}

	/**
	 * The broker has been away long enough that this resource's unpublished events
	 * reached their bound.
	 */
	@ExceptionHandler(OutboxFull.class)
	@Nullable ResponseEntity<Object> handleOutboxFull(OutboxFull exception, WebRequest request) {
		return tryAgainIn(30, exception,
				problem(HttpStatus.SERVICE_UNAVAILABLE, "outbox-full", say("platform.outbox-full", request)), request);
	}

	/** A refusal that passes: the answer says when to try again. */
	private @Nullable ResponseEntity<Object> tryAgainIn(long seconds, Exception exception, ProblemDetail problem,
			WebRequest request) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		return handleExceptionInternal(exception, problem, headers, HttpStatusCode.valueOf(problem.getStatus()),
				request);
	}

	@ExceptionHandler(RequestBodyTooLarge.class)
	@Nullable ResponseEntity<Object> handleTooLarge(RequestBodyTooLarge exception, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
				say(Phrase.of("platform.body.too-large", exception.limit()), request));
		return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	@Nullable ResponseEntity<Object> handleConcurrentChange(OptimisticLockingFailureException exception, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "concurrent-modification",
				say("platform.concurrent-modification", request));
		return handleExceptionInternal(exception, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
	}

	@ExceptionHandler(DuplicateKeyException.class)
	@Nullable ResponseEntity<Object> handleDuplicate(DuplicateKeyException exception, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "duplicate", say("platform.duplicate", request));
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
					say(violation, request)))
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
		ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
				say("platform.internal", request));
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
			.map(error -> new FieldProblem(error.getField(), say(error, request)))
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
				.map(error -> new FieldProblem(nameOf(result.getMethodParameter()), say(error, request))))
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
		Phrase expected = exception.getRequiredType() == null ? Phrase.of("platform.value.invalid")
				: Phrase.of("platform.expected", JsonBodyErrors.describeType(exception.getRequiredType()));
		String message = say(expected, request);
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
			problem = problem(HttpStatus.BAD_REQUEST, "malformed-json", say(error.message(), request));
		}
		else {
			String message = say(error.message(), request);
			problem = problem(HttpStatus.BAD_REQUEST, "validation", error.field().isEmpty()
					? say(Phrase.of("platform.body.shape", error.message()), request) : error.field() + ": " + message);
			if (!error.field().isEmpty()) {
				withErrors(problem, List.of(new FieldProblem(error.field(), message)));
			}
		}
		return handleExceptionInternal(exception, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * A refusal that carries its own problem (an Idempotency-Key's, say): its detail in
	 * the request's language when its message code is in the bundles (Spring resolves it
	 * with the locale of the request context, which a filter's refusal does not have).
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleErrorResponseException(ErrorResponseException exception,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return handleExceptionInternal(exception, exception.updateAndGetBody(messages(), language(request)), headers,
				status, request);
	}

	/**
	 * Every problem answer: the title in the request's language (Spring's own problems
	 * included), and {@code Content-Language} with {@code Vary: Accept-Language}.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception exception, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> answer = super.handleExceptionInternal(exception, body, headers, statusCode, request);
		if (answer == null || !(answer.getBody() instanceof ProblemDetail problem)) {
			return answer;
		}
		Locale language = language(request);
		String title = titleKey(problem.getStatus());
		if (title != null) {
			problem.setTitle(messages().getMessage(title, null, language));
		}
		HttpHeaders localized = new HttpHeaders();
		localized.putAll(answer.getHeaders());
		localized.set(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
		localized.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE);
		return new ResponseEntity<>(problem, localized, answer.getStatusCode());
	}

	private static @Nullable String titleKey(int status) {
		return switch (status) {
			case 400 -> "platform.title.400";
			case 401 -> "platform.title.401";
			case 403 -> "platform.title.403";
			case 404 -> "platform.title.404";
			case 405 -> "platform.title.405";
			case 406 -> "platform.title.406";
			case 409 -> "platform.title.409";
			case 412 -> "platform.title.412";
			case 413 -> "platform.title.413";
			case 415 -> "platform.title.415";
			case 422 -> "platform.title.422";
			case 428 -> "platform.title.428";
			case 429 -> "platform.title.429";
			case 500 -> "platform.title.500";
			case 503 -> "platform.title.503";
			default -> null;
		};
	}

	private static Locale language(WebRequest request) {
		String[] lines = request.getHeaderValues(HttpHeaders.ACCEPT_LANGUAGE);
		return Languages.negotiate(lines == null ? null : String.join(",", lines));
	}

	private MessageSource messages() {
		MessageSource own = getMessageSource();
		if (own != null) {
			return own;
		}
		synchronized (ProblemDetailsAdvice.class) {
			MessageSource loaded = classPathMessages;
			if (loaded == null) {
				loaded = LanguageMessageSource.fromClassPath();
				classPathMessages = loaded;
			}
			return loaded;
		}
	}

	private String say(String key, WebRequest request) {
		return say(Phrase.of(key), request);
	}

	private String say(Phrase phrase, WebRequest request) {
		return messages().getMessage(resolvable(phrase), language(request));
	}

	/** A phrase for Spring's message sources; a phrase among its arguments too. */
	private static MessageSourceResolvable resolvable(Phrase phrase) {
		Object[] arguments = phrase.arguments()
			.stream()
			.map(argument -> argument instanceof Phrase inner ? resolvable(inner) : argument)
			.toArray();
		return new DefaultMessageSourceResolvable(new String[] { phrase.key() }, arguments, phrase.english());
	}

	/**
	 * A Bean Validation error by the codes Spring gave it ({@code NotBlank.name},
	 * {@code NotBlank}), for the constraints said in every language; else its own
	 * message.
	 */
	private String say(MessageSourceResolvable error, WebRequest request) {
		String[] codes = error.getCodes();
		boolean said = codes != null && Arrays.stream(codes).anyMatch(CONSTRAINTS::contains);
		String own = error.getDefaultMessage();
		if (!said) {
			return own == null ? say("platform.value.invalid", request) : own;
		}
		return messages().getMessage(error, language(request));
	}

	/** The same for a violation found outside MVC, with Spring's arguments. */
	private String say(ConstraintViolation<?> violation, WebRequest request) {
		String code = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
		Map<String, Object> attributes = new TreeMap<>(violation.getConstraintDescriptor().getAttributes());
		attributes.keySet().removeAll(Set.of("message", "groups", "payload"));
		Object[] arguments = new Object[attributes.size() + 1];
		arguments[0] = violation.getPropertyPath().toString();
		System.arraycopy(attributes.values().toArray(), 0, arguments, 1, attributes.size());
		return say(new DefaultMessageSourceResolvable(new String[] { code }, arguments, violation.getMessage()),
				request);
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
		problem.setTitle(status.getReasonPhrase()); // in the request's language once
													// answered
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
