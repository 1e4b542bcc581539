package org.decoop.notification.delivery;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import org.decoop.notification.RetrySchedule;
import org.decoop.events.Channel;
import org.decoop.notification.MaskedTarget;
import org.decoop.notification.NotificationProperties;
import org.decoop.notification.email.RecipientQuota;
import org.decoop.notification.notification.Deliveries;
import org.decoop.notification.notification.Notification;
import org.decoop.notification.notification.Notifications;
import org.decoop.notification.notification.domain.Attempt;
import org.decoop.notification.notification.domain.Delivery;
import org.decoop.notification.notification.domain.DeliveryId;
import org.decoop.notification.subscription.Subscriptions;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.notification.subscription.domain.SubscriptionId;
import org.decoop.notification.subscription.domain.WebhookSecret;
import org.decoop.platform.scheduling.PeriodicWork;
import org.decoop.platform.tracing.Traces;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Runs due webhook and e-mail deliveries. It takes due ids from the delivery queue,
 * claims each delivery (a change of the {@link Delivery} aggregate, so two instances
 * never attempt the same one), makes the attempt and hands its result to the delivery,
 * which decides what follows. A crash mid-attempt leaves the claim to run out and the
 * delivery is attempted again (receivers deduplicate on {@code webhook-id}).
 */
class DeliveryWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	private final Deliveries deliveries;

	private final RecipientQuota quota;

	private final Notifications notifications;

	private final Subscriptions subscriptions;

	private final WebhookSender webhooks;

	private final EmailSender email;

	private final RetrySchedule schedule;

	private final NotificationProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Traces traces;

	private final PeriodicWork work;

	private final Semaphore slots;

	/** Made by start(), shut down by stop(). */
	private @Nullable ExecutorService attempts;

	DeliveryWorker(Deliveries deliveries, Notifications notifications, Subscriptions subscriptions,
			WebhookSender webhooks, EmailSender email, RecipientQuota quota, NotificationProperties properties,
			Clock clock, MeterRegistry meters, Traces traces) {
		this.traces = traces;
		this.quota = quota;
		this.deliveries = deliveries;
		this.notifications = notifications;
		this.subscriptions = subscriptions;
		this.webhooks = webhooks;
		this.email = email;
		this.schedule = new RetrySchedule(properties.retrySchedule());
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		this.slots = new Semaphore(properties.concurrency());
		this.work = new PeriodicWork("delivery-worker", Duration.ZERO, properties.pollInterval(), Duration.ZERO,
				this::drain);
	}

	/**
	 * One pass: claims as many due deliveries as there are free attempt slots and starts
	 * them. It does not wait for them: a slow receiver holds one slot for at most the
	 * timeout, and every other delivery goes on in the others.
	 * @return how many attempts were started
	 */
	int deliverDue() {
		ExecutorService pool = attempts;
		int free = slots.availablePermits();
		if (pool == null || free == 0) {
			return 0;
		}
		Instant now = clock.instant();
		int started = 0;
		for (DeliveryId id : deliveries.due(now, free)) {
			// Claim no more than can be attempted now, so no claim runs out while its
			// delivery waits.
			Optional<Delivery> claimed = deliveries.claim(id, now, now.plus(properties.claimDuration()));
			if (claimed.isEmpty()) {
				continue;
			}
			slots.acquireUninterruptibly();
			try {
				pool.execute(() -> {
					try {
						attempt(claimed.get());
					}
					catch (RuntimeException e) {
						log.warn("Delivery attempt failed unexpectedly; its claim runs out and it is attempted again",
								e);
					}
					finally {
						slots.release();
					}
				});
				started++;
			}
			catch (RejectedExecutionException stopping) {
				slots.release();
			}
		}
		return started;
	}

	private void attempt(Delivery delivery) {
		Optional<Subscription> subscription = subscriptions.byId(new SubscriptionId(delivery.subscriptionId()));
		if (subscription.isEmpty() || subscription.get().status() != Subscription.Status.ACTIVE) {
			delivery.giveUp(subscription.isEmpty() ? "subscription deleted" : "subscription disabled", clock.instant());
			save(delivery);
			return;
		}
		Optional<Notification> notification = notifications.byId(delivery.subscriptionId(), delivery.id().value());
		if (notification.isEmpty()) {
			delivery.giveUp("notification deleted", clock.instant());
			save(delivery);
			return;
		}
		if (delivery.channel() == Channel.EMAIL && deferred(delivery)) {
			return;
		}
		// the delivery joins the trace of the command whose event it delivers
		Optional<Attempt> made = traces.inTraceOf(notification.get().traceparent(),
				"deliver " + delivery.channel().name().toLowerCase(),
				() -> attemptOnce(delivery, subscription.get(), notification.get()));
		if (made.isEmpty()) {
			// Shutting down: record nothing, the claim runs out and the attempt is made
			// again.
			return;
		}
		Attempt attempt = made.get();
		delivery.recordAttempt(attempt, schedule, clock.instant());
		if (!save(delivery)) {
			return;
		}
		String channel = delivery.channel().name();
		switch (delivery.status()) {
			case DELIVERED -> meters.counter("decoop.notifications.delivered", "channel", channel).increment();
			case FAILED -> {
				meters.counter("decoop.notifications.attempts.failed", "channel", channel).increment();
				if (delivery.receiverGone()) {
					subscriptions.disable(subscription.get().id(), "The receiver answered 410 Gone at " + attempt.at());
				}
				else {
					log.warn("Delivery {} to {} failed {} times; giving up", delivery.id(),
							MaskedTarget.of(delivery.channel(), delivery.address()).orElseThrow(),
							delivery.attemptCount());
				}
			}
			default -> meters.counter("decoop.notifications.attempts.failed", "channel", channel).increment();
		}
	}

	/**
	 * Puts an e-mail off when its address had its share of notification e-mails lately:
	 * it stays PENDING, due when the address's window allows the next one. Nothing is
	 * dropped.
	 */
	private boolean deferred(Delivery delivery) {
		Optional<Instant> allowedAt = quota.takeNotification(delivery.address(), clock.instant());
		if (allowedAt.isEmpty()) {
			return false;
		}
		delivery.defer(allowedAt.get());
		if (save(delivery)) {
			meters.counter("decoop.notifications.deferred", "channel", delivery.channel().name()).increment();
			log.info("Delivery {} to {} deferred to {}: the address reached its e-mails per window", delivery.id(),
					MaskedTarget.of(delivery.channel(), delivery.address()).orElseThrow(), allowedAt.get());
		}
		return true;
	}

	/** Sends once; none when interrupted (shutting down). */
	private Optional<Attempt> attemptOnce(Delivery delivery, Subscription subscription, Notification notification) {
		Instant start = clock.instant();
		Integer status = null;
		String error = null;
		try {
			if (delivery.channel() == Channel.WEBHOOK) {
				WebhookSecret secret = subscriptions.secretOf(subscription.id()).orElseThrow();
				status = webhooks.send(delivery.address(), "msg_" + delivery.id(), notification.cloudEvent(), secret);
			}
			else {
				email.send(delivery.address(), notification, subscription);
			}
		}
		catch (Exception e) {
			if (Thread.currentThread().isInterrupted()) {
				return Optional.empty();
			}
			error = DeliveryFailures.describe(e, properties.timeout());
			// The subscriber sees the words; an operator may need the cause (an SMTP
			// reply, a certificate).
			log.info("Delivery {} attempt failed: {}", delivery.id(), e.toString());
		}
		return Optional.of(new Attempt(start, status, error, Duration.between(start, clock.instant()).toMillis()));
	}

	/**
	 * Saves what the attempt changed, only while this worker still holds its claim: if
	 * the claim ran out and another worker took the delivery over, that worker's result
	 * stands, and a late writer never turns a DELIVERED delivery into a FAILED one.
	 */
	private boolean save(Delivery delivery) {
		try {
			deliveries.save(delivery);
			return true;
		}
		catch (OptimisticLockingFailureException claimTakenOver) {
			log.warn("Delivery {}: its claim ran out before the attempt ended; the attempt is not recorded",
					delivery.id());
			return false;
		}
	}

	@Override
	public void start() {
		deliveries.enqueuePending();
		attempts = Executors.newFixedThreadPool(properties.concurrency(),
				runnable -> new Thread(runnable, "delivery-attempt"));
		work.start();
	}

	/** Drains the backlog before pausing. */
	private void drain() {
		while (deliverDue() > 0 && !Thread.currentThread().isInterrupted()) {
			// next pass
		}
	}

	@Override
	public void stop() {
		// Interrupts a running attempt: nothing is recorded, its claim expires and it is
		// made again.
		work.stop();
		if (attempts != null) {
			attempts.shutdownNow();
		}
		try {
			webhooks.close();
		}
		catch (IOException e) {
			log.debug("Closing the webhook client", e);
		}
	}

	@Override
	public boolean isRunning() {
		return work.isRunning();
	}

}
