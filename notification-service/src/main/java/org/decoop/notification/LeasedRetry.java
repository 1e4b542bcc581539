package org.decoop.notification;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The retry state of work sent out on a schedule by whichever worker holds it: a lease
 * (the worker that holds it, until when; nobody else attempts it meanwhile), the attempts
 * the {@link RetrySchedule} counts, and when the next attempt is due (none: nothing more
 * is attempted). A worker that dies leaves a lease that runs out, so another can take the
 * work over. Immutable: each step answers the state after it.
 */
public final class LeasedRetry {

	private static final LeasedRetry NONE = new LeasedRetry(null, null, 0);

	private final @Nullable Instant leasedUntil;

	private final @Nullable Instant nextAttemptAt;

	private final int attempts;

	/** Restores a stored state; either time may be absent. */
	public LeasedRetry(@Nullable Instant leasedUntil, @Nullable Instant nextAttemptAt, int attempts) {
		if (attempts < 0) {
			throw new IllegalArgumentException("attempts must not be negative: " + attempts);
		}
		this.leasedUntil = leasedUntil;
		this.nextAttemptAt = nextAttemptAt;
		this.attempts = attempts;
	}

	/** Work never attempted, first due at {@code at}. */
	public static LeasedRetry dueAt(Instant at) {
		return NONE.nextAt(Objects.requireNonNull(at, "at"));
	}

	/** Work never attempted, held from the start until {@code until}. */
	public static LeasedRetry leased(Instant until) {
		return NONE.lease(until);
	}

	/** Whether a worker holds it at {@code now}: its lease has not run out. */
	public boolean isLeased(Instant now) {
		return leasedUntil != null && leasedUntil.isAfter(now);
	}

	/**
	 * Whether it was leased for an attempt whose outcome is not recorded yet (the lease
	 * may have run out since).
	 */
	public boolean hasLease() {
		return leasedUntil != null;
	}

	/** Whether its next attempt is due at {@code now}. */
	public boolean isDue(Instant now) {
		return nextAttemptAt != null && !nextAttemptAt.isAfter(now);
	}

	/**
	 * Whether no attempt is to come: the schedule's retries are spent, or it was stopped.
	 */
	public boolean isSpent() {
		return nextAttemptAt == null;
	}

	/** Held until {@code until}; the next attempt stays where it was. */
	public LeasedRetry lease(Instant until) {
		return new LeasedRetry(Objects.requireNonNull(until, "until"), nextAttemptAt, attempts);
	}

	/** Not held any more; the next attempt stays where it was. */
	public LeasedRetry released() {
		return new LeasedRetry(null, nextAttemptAt, attempts);
	}

	/**
	 * Not held, next attempted at {@code at}, without spending an attempt (put off, or
	 * brought forward).
	 */
	public LeasedRetry nextAt(Instant at) {
		return new LeasedRetry(null, at, attempts);
	}

	/**
	 * An attempt was made: the lease ends, and the attempt is counted by the schedule
	 * unless {@code counted} is false (one asked for by hand neither spends nor moves the
	 * schedule).
	 */
	public LeasedRetry attempted(boolean counted) {
		return new LeasedRetry(null, nextAttemptAt, counted ? attempts + 1 : attempts);
	}

	/**
	 * The next attempt at {@code schedule}'s time after the attempts counted so far, from
	 * {@code now}; none once they are spent.
	 */
	public LeasedRetry scheduled(RetrySchedule schedule, Instant now) {
		return new LeasedRetry(leasedUntil, schedule.nextAttempt(attempts, now).orElse(null), attempts);
	}

	/** Nothing more is attempted: no lease, no next attempt. */
	public LeasedRetry stopped() {
		return new LeasedRetry(null, null, attempts);
	}

	public Optional<Instant> leasedUntil() {
		return Optional.ofNullable(leasedUntil);
	}

	public Optional<Instant> nextAttemptAt() {
		return Optional.ofNullable(nextAttemptAt);
	}

	/** The attempts the schedule counted. */
	public int attempts() {
		return attempts;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof LeasedRetry that && attempts == that.attempts
				&& Objects.equals(leasedUntil, that.leasedUntil) && Objects.equals(nextAttemptAt, that.nextAttemptAt);
	}

	@Override
	public int hashCode() {
		return Objects.hash(leasedUntil, nextAttemptAt, attempts);
	}

	@Override
	public String toString() {
		return "LeasedRetry[leasedUntil=%s, nextAttemptAt=%s, attempts=%d]".formatted(leasedUntil, nextAttemptAt,
				attempts);
	}

}
