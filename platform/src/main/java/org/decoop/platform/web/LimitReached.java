package org.decoop.platform.web;

import java.time.Duration;

/**
 * A bound that protects the service was reached, e.g. open streams or e-mails to one
 * address (answered 429 with {@code Retry-After}: when the bound will allow the next one,
 * if known).
 */
public class LimitReached extends RuntimeException {

	private static final Duration SHORTLY = Duration.ofSeconds(5);

	private final Duration retryAfter;

	/** A bound that frees itself soon (a stream ends): try again in a few seconds. */
	public LimitReached(String message) {
		this(message, SHORTLY);
	}

	public LimitReached(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	/** Whole seconds, at least one: what {@code Retry-After} says. */
	public long retryAfterSeconds() {
		return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}

}
