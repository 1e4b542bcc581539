package org.decoop.notification.digest.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.decoop.platform.domain.Phrase;
import org.decoop.notification.RetrySchedule;
import org.decoop.events.notification.NotificationEvent;
import org.decoop.notification.LeasedRetry;
import org.decoop.platform.domain.AggregateRoot;
import org.decoop.platform.domain.StateConflict;
import org.jspecify.annotations.Nullable;

/**
 * The digest e-mail of one subscription for one period, from its claim to its outcome.
 * There is one per (subscription, period start), so storing a new one is the claim: a
 * second instance that tries the same period finds it taken. It is claimed
 * ({@code SENDING}) with a lease BEFORE the e-mail is sent, then records what happened. A
 * claim whose holder died (its lease ran out while SENDING) and a failed attempt whose
 * retry is due can be {@link #takeOver taken over}; a SENT, EMPTY, FAILED or CANCELLED
 * one never is. Its holder {@link #renewLease renews} the lease right before it hands the
 * e-mail to the mail server, so the whole lease covers the SMTP session. Every step is a
 * change of its own, saved on the version it was read at.
 *
 * <p>
 * So a digest is never lost to a crash, and never sent twice by two live instances. The
 * one case of a second e-mail is a holder that stops after the mail server accepted the
 * e-mail and before SENT was stored: the lease runs out and the digest goes again (at
 * least once, never zero).
 */
public final class DigestDispatch extends AggregateRoot<NotificationEvent> {

	private final String subscriptionId;

	private final DigestPeriod period;

	private DigestStatus status;

	/**
	 * The lease, the attempts (each counted by the schedule) and the next attempt of a
	 * RETRYING one.
	 */
	private LeasedRetry leasedRetry;

	private @Nullable Instant sentAt;

	private long notificationCount;

	private final List<DigestAttempt> attempts;

	/** Restores a stored one. */
	public DigestDispatch(String subscriptionId, DigestPeriod period, long version, DigestStatus status,
			@Nullable Instant leasedUntil, @Nullable Instant nextAttemptAt, @Nullable Instant sentAt,
			long notificationCount, int attemptCount, List<DigestAttempt> attempts) {
		this(subscriptionId, period, version, status, new LeasedRetry(leasedUntil, nextAttemptAt, attemptCount), sentAt,
				notificationCount, attempts);
	}

	private DigestDispatch(String subscriptionId, DigestPeriod period, long version, DigestStatus status,
			LeasedRetry leasedRetry, @Nullable Instant sentAt, long notificationCount, List<DigestAttempt> attempts) {
		super(version);
		this.subscriptionId = Objects.requireNonNull(subscriptionId, "subscriptionId");
		this.period = Objects.requireNonNull(period, "period");
		this.status = Objects.requireNonNull(status, "status");
		this.leasedRetry = leasedRetry;
		this.sentAt = sentAt;
		this.notificationCount = notificationCount;
		this.attempts = new ArrayList<>(attempts);
	}

	/**
	 * A new claim on a period's digest, held until {@code leasedUntil}; storing it is
	 * what makes it this instance's.
	 */
	public static DigestDispatch claim(String subscriptionId, DigestPeriod period, Instant leasedUntil) {
		DigestDispatch claimed = new DigestDispatch(subscriptionId, period, NEW, DigestStatus.SENDING,
				LeasedRetry.leased(leasedUntil), null, 0, List.of());
		claimed.change();
		return claimed;
	}

	/**
	 * Whether another instance may take it at {@code now}: a lease that ran out, or a
	 * retry that is due.
	 */
	public boolean canBeTakenOver(Instant now) {
		return switch (status) {
			case SENDING -> !leasedRetry.isLeased(now);
			case RETRYING -> leasedRetry.isDue(now);
			case SENT, EMPTY, FAILED, CANCELLED -> false;
		};
	}

	/**
	 * Claims it again until {@code leasedUntil}.
	 * @throws StateConflict when it is final, leased to a live holder, or its retry is
	 * not due
	 */
	public void takeOver(Instant now, Instant leasedUntil) {
		if (!canBeTakenOver(now)) {
			throw new StateConflict(
					Phrase.of("notification.digest.not-taken-over", subscriptionId, period.start(), status));
		}
		status = DigestStatus.SENDING;
		leasedRetry = leasedRetry.stopped().lease(leasedUntil);
		change();
	}

	/**
	 * The holder keeps it until {@code leasedUntil} (right before sending, so that a slow
	 * mail server does not outlast the lease); stored on the version it holds, which
	 * fails when another instance took it over meanwhile.
	 * @throws StateConflict when it is not claimed for sending
	 */
	public void renewLease(Instant leasedUntil) {
		requireSending();
		leasedRetry = leasedRetry.lease(leasedUntil);
		change();
	}

	/**
	 * Its subscription is gone (deleted, or disabled) before it could go: nothing is
	 * sent, and nothing will be. The reason is kept as a note after the attempts (not
	 * counted as one).
	 */
	public void cancel(String reason, Instant at) {
		requireSending();
		attempts.add(new DigestAttempt(at, reason));
		status = DigestStatus.CANCELLED;
		leasedRetry = leasedRetry.stopped();
		change();
	}

	/** The period had no notification: nothing is sent, and nothing will be. */
	public void nothingToSend() {
		requireSending();
		status = DigestStatus.EMPTY;
		leasedRetry = leasedRetry.released();
		change();
	}

	/**
	 * The mail server accepted the e-mail, which listed the period's
	 * {@code notificationCount} notifications.
	 */
	public void sent(long notificationCount, Instant at) {
		requireSending();
		attempts.add(new DigestAttempt(at, null));
		leasedRetry = leasedRetry.attempted(true);
		this.notificationCount = notificationCount;
		status = DigestStatus.SENT;
		sentAt = at;
		change();
	}

	/**
	 * The attempt failed: it goes again at the schedule's next time, or it has failed for
	 * good when the retries are spent.
	 */
	public void failed(long notificationCount, String error, Instant at, RetrySchedule schedule) {
		requireSending();
		attempts.add(new DigestAttempt(at, error));
		while (attempts.size() > schedule.maxAttempts()) {
			attempts.removeFirst();
		}
		this.notificationCount = notificationCount;
		leasedRetry = leasedRetry.attempted(true).scheduled(schedule, at);
		status = leasedRetry.isSpent() ? DigestStatus.FAILED : DigestStatus.RETRYING;
		change();
	}

	private void requireSending() {
		if (status != DigestStatus.SENDING) {
			throw new StateConflict(
					Phrase.of("notification.digest.not-sending", subscriptionId, period.start(), status));
		}
	}

	public String subscriptionId() {
		return subscriptionId;
	}

	public DigestPeriod period() {
		return period;
	}

	public DigestStatus status() {
		return status;
	}

	public Optional<Instant> leasedUntil() {
		return leasedRetry.leasedUntil();
	}

	public Optional<Instant> nextAttemptAt() {
		return leasedRetry.nextAttemptAt();
	}

	public Optional<Instant> sentAt() {
		return Optional.ofNullable(sentAt);
	}

	public long notificationCount() {
		return notificationCount;
	}

	public int attemptCount() {
		return leasedRetry.attempts();
	}

	public List<DigestAttempt> attempts() {
		return List.copyOf(attempts);
	}

}
