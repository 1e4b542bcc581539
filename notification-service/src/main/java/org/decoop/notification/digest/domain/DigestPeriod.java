package org.decoop.notification.digest.domain;

import java.time.Instant;
import java.util.Objects;

import org.decoop.notification.subscription.domain.Digest;

/**
 * The time a digest e-mail covers: the notifications stored in the inbox from
 * {@code start} (included) to {@code end} (excluded). {@code end} is the send time the
 * e-mail is for, and {@code start} the send time before it, so consecutive periods of one
 * kind neither overlap nor leave a gap, and each notification is listed by exactly one
 * digest.
 */
public record DigestPeriod(Digest digest, Instant start, Instant end) {

	public DigestPeriod {
		Objects.requireNonNull(digest, "digest");
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException("A period ends after it starts: " + start + " – " + end);
		}
	}
}
