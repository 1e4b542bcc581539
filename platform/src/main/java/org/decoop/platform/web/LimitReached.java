package org.decoop.platform.web;

import java.time.Duration;
import java.util.Optional;

import org.decoop.platform.domain.Phrase;
import org.jspecify.annotations.Nullable;

/**
 * A bound that protects the service was reached, e.g. open streams or e-mails to one
 * address (answered 429 with {@code Retry-After}: when the bound will allow the next one,
 * if known).
 */
public class LimitReached extends RuntimeException {

	private static final Duration SHORTLY = Duration.ofSeconds(5);

	private final Duration retryAfter;

	private final @Nullable Phrase phrase;

	/** A bound that frees itself soon (a stream ends): try again in a few seconds. */
	public LimitReached(String message) {
		this(message, SHORTLY);
	}

	public LimitReached(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
		this.phrase = null;
	}

	/** The same, said with a key: the answer is in the reader's language. */
	public LimitReached(Phrase phrase) {
		this(phrase, SHORTLY);
	}

	public LimitReached(Phrase phrase, Duration retryAfter) {
		super(phrase.english());
		this.retryAfter = retryAfter;
		this.phrase = phrase;
	}

	/** What to say in the reader's language, when it is said with a key. */
	public Optional<Phrase> phrase() {
		return Optional.ofNullable(phrase);
	}

	/** Whole seconds, at least one: what {@code Retry-After} says. */
	public long retryAfterSeconds() {
		return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}

}
