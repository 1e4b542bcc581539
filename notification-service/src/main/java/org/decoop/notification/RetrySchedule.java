package org.decoop.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When to try a failed delivery again: after the n-th failed attempt, wait the n-th
 * delay. When the delays are spent, the delivery has failed for good.
 */
public record RetrySchedule(List<Duration> delays) {

	public RetrySchedule {
		delays = List.copyOf(delays);
	}

	/**
	 * The time of the next attempt after {@code failedAttempts} failures, or empty when
	 * retries are spent.
	 */
	public Optional<Instant> nextAttempt(int failedAttempts, Instant now) {
		if (failedAttempts < 1 || failedAttempts > delays.size()) {
			return Optional.empty();
		}
		return Optional.of(now.plus(delays.get(failedAttempts - 1)));
	}

	/** Attempts in all: the first one and one per delay. */
	public int maxAttempts() {
		return delays.size() + 1;
	}
}
