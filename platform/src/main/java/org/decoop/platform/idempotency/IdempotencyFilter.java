package org.decoop.platform.idempotency;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Supplier;

import org.decoop.platform.domain.InvalidValue;
import org.decoop.platform.idempotency.IdempotencyRecords.Answered;
import org.decoop.platform.idempotency.IdempotencyRecords.Claimed;
import org.decoop.platform.idempotency.IdempotencyRecords.Fingerprint;
import org.decoop.platform.idempotency.IdempotencyRecords.Reused;
import org.decoop.platform.idempotency.IdempotencyRecords.Running;
import org.decoop.platform.web.RequestBodyTooLarge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.decoop.platform.domain.Sha256;

/**
 * Makes a command sent with an {@code Idempotency-Key} happen once: the first request
 * with a key claims it and runs, and its answer is kept; a repeat with the same request
 * gets that answer again without running, one that comes while the first runs gets 409,
 * one with another request gets 422. POST and PATCH only: the methods HTTP does not make
 * idempotent (a PUT or a DELETE repeated changes nothing more). Runs behind Spring
 * Security, so the caller is known; without the header a request passes untouched.
 */
public final class IdempotencyFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

	private static final Set<String> COMMANDS = Set.of("POST", "PATCH");

	private final IdempotencyRecords records;

	private final Supplier<String> caller;

	private final HandlerExceptionResolver problems;

	/**
	 * @param caller who sends the current request: the scope of its keys
	 * @param problems answers the refusals as the service answers every error
	 */
	public IdempotencyFilter(IdempotencyRecords records, Supplier<String> caller, HandlerExceptionResolver problems) {
		this.records = records;
		this.caller = caller;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !COMMANDS.contains(request.getMethod()) || request.getHeader(IdempotencyKey.HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		IdempotencyRecords.Claim claim;
		byte[] body;
		try {
			IdempotencyKey key = IdempotencyKey.of(request.getHeaders(IdempotencyKey.HEADER));
			// bounded by RequestSizeLimitFilter, which runs first
			body = request.getInputStream().readAllBytes();
			String by = caller.get();
			Fingerprint fingerprint = new Fingerprint(request.getMethod(), target(request), Sha256.hex(body));
			claim = records.claim(by, key.value(), fingerprint);
			// the ids of what the command creates derive from it (CommandIds)
			request.setAttribute(CommandIds.SEED, String.join("\n", by, key.value(), fingerprint.method(),
					fingerprint.path(), fingerprint.bodySha256()));
		}
		catch (InvalidValue | RequestBodyTooLarge refused) {
			problems.resolveException(request, response, null, refused);
			return;
		}
		switch (claim) {
			case Claimed claimed -> run(claimed, new ReadBody(request, body), response, chain);
			case Answered answered -> answered.response().writeTo(response);
			case Running running -> problems.resolveException(request, response, null, IdempotencyKeyRefused.running());
			case Reused reused -> problems.resolveException(request, response, null, IdempotencyKeyRefused.reused());
		}
	}

	/**
	 * Runs the command and keeps its answer, unless it failed (a 5xx, an exception) or
	 * asks to be tried later (408, 429): then the key is freed and a retry runs again.
	 */
	private void run(Claimed claimed, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(request, answer);
			if (!request.isAsyncStarted() && keeps(answer.getStatus())) {
				kept = true;
				keep(claimed, answer);
			}
		}
		finally {
			if (!kept) {
				records.release(claimed);
			}
			answer.copyBodyToResponse();
		}
	}

	/**
	 * The command was done: should its answer not be kept (the store is away), the claim
	 * stays, and a retry gets 409 until the claim timeout, then runs again.
	 */
	private void keep(Claimed claimed, ContentCachingResponseWrapper answer) {
		try {
			records.answered(claimed, StoredResponse.of(answer, answer.getContentAsByteArray()));
		}
		catch (RuntimeException e) {
			log.warn("The answer to an Idempotency-Key could not be kept: {}", e.toString());
		}
	}

	private static boolean keeps(int status) {
		return status < 500 && status != HttpStatus.REQUEST_TIMEOUT.value()
				&& status != HttpStatus.TOO_MANY_REQUESTS.value();
	}

	private static String target(HttpServletRequest request) {
		String query = request.getQueryString();
		return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
	}

	/** The request with its body, read once to be hashed, readable again. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream bytes = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return bytes.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return bytes.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return bytes.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body was read already");
				}

			};
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
		}

	}

}
