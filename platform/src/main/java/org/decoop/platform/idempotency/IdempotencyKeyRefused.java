package org.decoop.platform.idempotency;

import java.net.URI;

import org.decoop.platform.domain.Phrase;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A command's {@code Idempotency-Key} cannot be used now: it came with another request
 * (422), or its first request is still running (409). Answered as problem details by the
 * service's advice.
 */
final class IdempotencyKeyRefused extends ErrorResponseException {

	/** {@code key}: the detail in every language, the English one written here too. */
	private IdempotencyKeyRefused(HttpStatus status, String slug, String key) {
		super(status, problem(status, slug, Phrase.of(key).english()), null, key, null);
	}

	static IdempotencyKeyRefused reused() {
		return new IdempotencyKeyRefused(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
				"platform.idempotency-key.reused");
	}

	static IdempotencyKeyRefused running() {
		IdempotencyKeyRefused refused = new IdempotencyKeyRefused(HttpStatus.CONFLICT, "idempotency-key-in-use",
				"platform.idempotency-key.running");
		refused.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
		return refused;
	}

	private static ProblemDetail problem(HttpStatus status, String slug, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://decoop.org/problems/" + slug));
		problem.setTitle(status.getReasonPhrase());
		problem.setProperty("field", IdempotencyKey.HEADER);
		return problem;
	}

}
