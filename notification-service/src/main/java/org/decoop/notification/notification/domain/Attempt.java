package org.decoop.notification.notification.domain;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One delivery attempt: when, how long it took, and the receiver's status code or the
 * error in words a subscriber can act on.
 */
public record Attempt(Instant at, @Nullable Integer statusCode, @Nullable String error, long durationMillis) {

	static Attempt note(Instant at, String reason) {
		return new Attempt(at, null, reason, 0);
	}

	/** An e-mail handed to the mail server, or a webhook answered with 2xx. */
	boolean succeeded() {
		return error == null && (statusCode == null || (statusCode >= 200 && statusCode < 300));
	}

	boolean receiverGone() {
		return error == null && statusCode != null && statusCode == 410;
	}

	String failure() {
		return error != null ? error : "HTTP " + statusCode;
	}
}
