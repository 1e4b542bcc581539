package org.decoop.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import org.decoop.events.Channel;
import org.decoop.notification.NotificationProperties;
import org.decoop.notification.notification.NotificationDocument.Attempt;
import org.decoop.notification.notification.NotificationDocument;
import org.decoop.notification.notification.Notifications;
import org.decoop.notification.subscription.Subscriptions;
import org.decoop.notification.subscription.TargetGuard;
import org.decoop.notification.subscription.domain.MaskedTarget;
import org.decoop.notification.subscription.domain.RetrySchedule;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.notification.subscription.domain.SubscriptionId;
import org.decoop.notification.subscription.domain.WebhookSecret;
import org.decoop.platform.scheduling.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Delivers due webhook and e-mail notifications. Pending deliveries and their retry times are
 * in MongoDB: a pass claims due ones with a conditional update (so two instances never attempt
 * the same one), attempts them, and records each attempt. A crash mid-attempt leaves the claim
 * to expire and the delivery is attempted again (receivers deduplicate on {@code webhook-id}).
 */
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Notifications notifications;
    private final Subscriptions subscriptions;
    private final WebhookSender webhooks;
    private final EmailSender email;
    private final TargetGuard guard;
    private final RetrySchedule schedule;
    private final NotificationProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final PeriodicWork work;
    private final Semaphore slots;
    private ExecutorService attempts;

    DeliveryWorker(Notifications notifications, Subscriptions subscriptions, WebhookSender webhooks, EmailSender email,
            TargetGuard guard, NotificationProperties properties, Clock clock, MeterRegistry meters) {
        this.notifications = notifications;
        this.subscriptions = subscriptions;
        this.webhooks = webhooks;
        this.email = email;
        this.guard = guard;
        this.schedule = new RetrySchedule(properties.retrySchedule());
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.slots = new Semaphore(properties.concurrency());
        this.work = new PeriodicWork("delivery-worker", Duration.ZERO, properties.pollInterval(), Duration.ZERO, this::drain);
    }

    /**
     * One pass: claims as many due deliveries as there are free attempt slots and starts them. It
     * does not wait for them: a slow receiver holds one slot for at most the timeout, and every
     * other delivery goes on in the others.
     *
     * @return how many attempts were started
     */
    int deliverDue() {
        int free = slots.availablePermits();
        if (free == 0) {
            return 0;
        }
        // Claim no more than can be attempted now, so no claim expires while its delivery waits.
        List<NotificationDocument> due = notifications.claimDue(free, clock.instant().plus(properties.claimDuration()));
        for (NotificationDocument delivery : due) {
            slots.acquireUninterruptibly();
            try {
                attempts.execute(() -> {
                    try {
                        attempt(delivery);
                    }
                    catch (RuntimeException e) {
                        log.warn("Delivery attempt failed unexpectedly; its claim expires and it is attempted again", e);
                    }
                    finally {
                        slots.release();
                    }
                });
            }
            catch (RejectedExecutionException stopping) {
                slots.release();
            }
        }
        return due.size();
    }

    private void attempt(NotificationDocument delivery) {
        Optional<Subscription> subscription = subscriptions.byId(new SubscriptionId(delivery.subscriptionId()));
        if (subscription.isEmpty() || subscription.get().status() != Subscription.Status.ACTIVE) {
            notifications.cancelled(delivery, subscription.isEmpty() ? "subscription deleted" : "subscription disabled");
            return;
        }
        Instant start = clock.instant();
        Integer status = null;
        String error = null;
        try {
            if (delivery.channel() == Channel.WEBHOOK) {
                Optional<String> refusal = guard.refusal(delivery.target());
                if (refusal.isPresent()) {
                    error = "refused: " + refusal.get();
                }
                else {
                    WebhookSecret secret = subscriptions.secretOf(subscription.get().id()).orElseThrow();
                    status = webhooks.send(delivery.target(), "msg_" + delivery.getId(), delivery.cloudEvent(), secret);
                }
            }
            else {
                email.send(delivery);
            }
        }
        catch (InterruptedException e) {
            // Shutting down: record nothing, the claim expires and the attempt is made again.
            Thread.currentThread().interrupt();
            return;
        }
        catch (Exception e) {
            error = DeliveryFailures.describe(e, properties.timeout());
            // The subscriber sees the words; an operator may need the cause (an SMTP reply, a certificate).
            log.info("Delivery {} attempt failed: {}", delivery.getId(), e.toString());
        }
        Attempt attempt = new Attempt(start, status, error, Duration.between(start, clock.instant()).toMillis());
        record(delivery, subscription.get(), attempt);
    }

    private void record(NotificationDocument delivery, Subscription subscription, Attempt attempt) {
        boolean succeeded = attempt.error() == null && (delivery.channel() == Channel.EMAIL
                || (attempt.statusCode() != null && attempt.statusCode() >= 200 && attempt.statusCode() < 300));
        if (succeeded) {
            notifications.delivered(delivery, attempt);
            meters.counter("decoop.notifications.delivered", "channel", delivery.channel().name()).increment();
            return;
        }
        meters.counter("decoop.notifications.attempts.failed", "channel", delivery.channel().name()).increment();
        if (attempt.statusCode() != null && attempt.statusCode() == 410) {
            subscriptions.disable(subscription.id(), "The receiver answered 410 Gone at " + attempt.at());
            notifications.failed(delivery, attempt, false);
            return;
        }
        // A manual retry that failed leaves the schedule where it was: the attempts it still had, at their pace.
        Optional<Instant> next = schedule.nextAttempt(delivery.scheduledAttempts() + (delivery.manual() ? 0 : 1), clock.instant());
        if (next.isPresent()) {
            notifications.retryAt(delivery, attempt, next.get());
        }
        else {
            notifications.failed(delivery, attempt, true);
            log.warn("Delivery {} to {} failed {} times; giving up", delivery.getId(),
                    MaskedTarget.of(delivery.channel(), delivery.target()), delivery.attemptCount() + 1);
        }
    }

    @Override
    public void start() {
        attempts = Executors.newFixedThreadPool(properties.concurrency(), runnable -> new Thread(runnable, "delivery-attempt"));
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
        // Interrupts a running attempt: nothing is recorded, its claim expires and it is made again.
        work.stop();
        if (attempts != null) {
            attempts.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return work.isRunning();
    }
}
