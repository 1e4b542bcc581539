package org.decoop.notification.notification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.decoop.platform.domain.Phrase;
import org.decoop.notification.RetrySchedule;
import org.decoop.events.Channel;
import org.decoop.events.notification.NotificationDeliveryFailed;
import org.decoop.events.notification.NotificationEvent;
import org.decoop.notification.MaskedTarget;
import org.decoop.notification.LeasedRetry;
import org.decoop.platform.domain.AggregateRoot;
import org.decoop.platform.domain.StateConflict;
import org.jspecify.annotations.Nullable;

/**
 * A notification on its way to a webhook or a mailbox. It goes PENDING → DELIVERED, or
 * FAILED when its schedule's retries are spent or the receiver answered 410 Gone, or
 * CANCELLED when its subscription went away. A worker {@link #claim claims} it for one
 * attempt and records the attempt's result; the claim is a change of its own, so a worker
 * whose claim ran out and was taken over can no longer save (its version is stale) and
 * never overwrites the result of the worker that took over.
 *
 * <p>
 * An attempt asked for by hand ({@link #retry}) neither spends nor moves the schedule: it
 * is logged and counted, and a failure leaves the schedule where it was.
 */
public final class Delivery extends AggregateRoot<NotificationEvent> {

	private final DeliveryId id;

	private final String subscriptionId;

	private final String eventId;

	private final String eventType;

	private final Channel channel;

	/** Absent for an INBOX, which is never delivered. */
	private final @Nullable String target;

	private DeliveryStatus status;

	private int attemptCount;

	private boolean manual;

	/**
	 * The claim, the attempts the schedule counted (not those by hand) and the next
	 * attempt.
	 */
	private LeasedRetry leasedRetry;

	private @Nullable Instant deliveredAt;

	private boolean failurePublished;

	private final List<Attempt> attempts;

	/** Restores a stored delivery. */
	public Delivery(long version, DeliveryId id, String subscriptionId, String eventId, String eventType,
			Channel channel, @Nullable String target, DeliveryStatus status, int attemptCount, int scheduledAttempts,
			boolean manual, @Nullable Instant nextAttemptAt, @Nullable Instant claimedUntil,
			@Nullable Instant deliveredAt, boolean failurePublished, List<Attempt> attempts) {
		super(version);
		this.id = Objects.requireNonNull(id, "id");
		this.subscriptionId = subscriptionId;
		this.eventId = eventId;
		this.eventType = eventType;
		this.channel = channel;
		this.target = target;
		this.status = status;
		this.attemptCount = attemptCount;
		this.manual = manual;
		this.leasedRetry = new LeasedRetry(claimedUntil, nextAttemptAt, scheduledAttempts);
		this.deliveredAt = deliveredAt;
		this.failurePublished = failurePublished;
		this.attempts = new ArrayList<>(attempts);
	}

	/**
	 * Whether a worker may claim it now: pending, due, and not claimed by another worker.
	 */
	public boolean isDue(Instant now) {
		return status == DeliveryStatus.PENDING && leasedRetry.isDue(now) && !leasedRetry.isLeased(now);
	}

	/**
	 * Takes it for one attempt until {@code until}; nobody else attempts or retries it
	 * meanwhile.
	 * @throws StateConflict when it is not due
	 */
	public void claim(Instant now, Instant until) {
		if (!isDue(now)) {
			throw new StateConflict(Phrase.of("notification.delivery.not-due", id));
		}
		leasedRetry = leasedRetry.lease(until);
		change();
	}

	/**
	 * Records the attempt the claim was for, and decides what follows from it: delivered,
	 * another attempt at the schedule's next time, or failed for good (then, once,
	 * NotificationDeliveryFailed). The log keeps the latest
	 * {@code schedule.maxAttempts()} attempts; {@link #attemptCount} counts them all.
	 */
	public void recordAttempt(Attempt attempt, RetrySchedule schedule, Instant now) {
		requireClaimed();
		log(attempt, schedule.maxAttempts());
		attemptCount++;
		leasedRetry = leasedRetry.attempted(!manual);
		manual = false;
		if (attempt.succeeded()) {
			status = DeliveryStatus.DELIVERED;
			deliveredAt = attempt.at();
			leasedRetry = leasedRetry.stopped();
		}
		else if (attempt.receiverGone()) {
			fail();
		}
		else {
			leasedRetry = leasedRetry.scheduled(schedule, now);
			if (leasedRetry.isSpent()) {
				fail();
				if (!failurePublished) {
					failurePublished = true;
					record(new NotificationDeliveryFailed(subscriptionId, id.value(), eventId, eventType, channel,
							MaskedTarget.of(channel, address()).orElseThrow(), attemptCount, attempt.failure(),
							attempt.at()));
				}
			}
		}
		change();
	}

	/**
	 * Attempts it again now, by hand: a FAILED delivery gets one more attempt, a PENDING
	 * one has its next attempt brought forward.
	 * @throws StateConflict when it was delivered or cancelled, or an attempt is being
	 * made
	 */
	public void retry(Instant now) {
		if (status == DeliveryStatus.DELIVERED || status == DeliveryStatus.CANCELLED) {
			throw new StateConflict(Phrase.of("notification.delivery.not-retriable", id, status));
		}
		if (leasedRetry.isLeased(now)) {
			throw new StateConflict(Phrase.of("notification.delivery.attempting", id));
		}
		status = DeliveryStatus.PENDING;
		leasedRetry = leasedRetry.nextAt(now);
		manual = true;
		change();
	}

	/**
	 * Puts the claimed attempt off until {@code until} without making it (a limit on its
	 * receiver, e.g. e-mails per address per hour): nothing is spent, it stays PENDING
	 * and is attempted then.
	 */
	public void defer(Instant until) {
		requireClaimed();
		leasedRetry = leasedRetry.nextAt(until);
		change();
	}

	/**
	 * Its subscription was deleted or disabled: nothing more is attempted. Nothing
	 * changes when it is already done.
	 */
	public void giveUp(String reason, Instant now) {
		if (status != DeliveryStatus.PENDING) {
			return;
		}
		status = DeliveryStatus.CANCELLED;
		leasedRetry = leasedRetry.stopped();
		attempts.add(Attempt.note(now, reason));
		change();
	}

	/**
	 * Whether its receiver said 410 Gone in its latest attempt: its subscription should
	 * stop.
	 */
	public boolean receiverGone() {
		return status == DeliveryStatus.FAILED && !attempts.isEmpty() && attempts.getLast().receiverGone();
	}

	private void fail() {
		status = DeliveryStatus.FAILED;
		leasedRetry = leasedRetry.stopped();
	}

	private void requireClaimed() {
		if (status != DeliveryStatus.PENDING || !leasedRetry.hasLease()) {
			throw new StateConflict(Phrase.of("notification.delivery.not-claimed", id));
		}
	}

	private void log(Attempt attempt, int kept) {
		attempts.add(attempt);
		while (attempts.size() > kept) {
			attempts.removeFirst();
		}
	}

	public DeliveryId id() {
		return id;
	}

	public String subscriptionId() {
		return subscriptionId;
	}

	public String eventId() {
		return eventId;
	}

	public String eventType() {
		return eventType;
	}

	public Channel channel() {
		return channel;
	}

	public @Nullable String target() {
		return target;
	}

	/**
	 * The webhook URL or e-mail address it goes to; an INBOX notification has none (it is
	 * never delivered).
	 */
	public String address() {
		if (target == null) {
			throw new IllegalStateException("Delivery %s (%s) has no address".formatted(id, channel));
		}
		return target;
	}

	public DeliveryStatus status() {
		return status;
	}

	public int attemptCount() {
		return attemptCount;
	}

	public int scheduledAttempts() {
		return leasedRetry.attempts();
	}

	public boolean manual() {
		return manual;
	}

	public Optional<Instant> nextAttemptAt() {
		return leasedRetry.nextAttemptAt();
	}

	public Optional<Instant> claimedUntil() {
		return leasedRetry.leasedUntil();
	}

	public Optional<Instant> deliveredAt() {
		return Optional.ofNullable(deliveredAt);
	}

	public boolean failurePublished() {
		return failurePublished;
	}

	public List<Attempt> attempts() {
		return List.copyOf(attempts);
	}

	@Override
	public String toString() {
		return "Delivery " + id;
	}

}
