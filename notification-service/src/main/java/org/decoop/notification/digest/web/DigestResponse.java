package org.decoop.notification.digest.web;

import java.time.Instant;
import java.util.List;

import org.decoop.notification.digest.domain.DigestAttempt;
import org.decoop.notification.digest.domain.DigestDispatch;
import org.decoop.notification.digest.domain.DigestStatus;
import org.decoop.notification.subscription.domain.Digest;
import org.jspecify.annotations.Nullable;

/**
 * {@code periodStart} (included) to {@code periodEnd} (excluded): when the listed
 * notifications were stored.
 */
public record DigestResponse(Digest digest, Instant periodStart, Instant periodEnd, DigestStatus status,
		long notificationCount, int attemptCount, @Nullable Instant nextAttemptAt, @Nullable Instant sentAt,
		List<DigestAttempt> attempts) {

	public static DigestResponse of(DigestDispatch dispatch) {
		return new DigestResponse(dispatch.period().digest(), dispatch.period().start(), dispatch.period().end(),
				dispatch.status(), dispatch.notificationCount(), dispatch.attemptCount(),
				dispatch.nextAttemptAt().orElse(null), dispatch.sentAt().orElse(null), dispatch.attempts());
	}
}
