package org.decoop.notification.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.decoop.notification.NotificationProperties;
import org.decoop.notification.delivery.DeliveryFailures;
import org.decoop.notification.digest.domain.DigestDispatch;
import org.decoop.notification.digest.domain.DigestPeriod;
import org.decoop.notification.digest.domain.DigestSchedule;
import org.decoop.notification.notification.NotificationDocument;
import org.decoop.notification.notification.Notifications;
import org.decoop.notification.subscription.Subscriptions;
import org.decoop.notification.subscription.domain.Digest;
import org.decoop.notification.subscription.domain.RetrySchedule;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.platform.scheduling.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends the digest e-mails. Each pass takes, for DAILY and for WEEKLY, the latest period that has
 * ended (and settled), and for each ACTIVE subscription of that kind claims the period's digest
 * BEFORE reading and sending it: every instance may run the job, and a period's digest is sent by
 * the one instance whose claim was stored. A failed attempt is retried at a later pass, after the
 * delivery retry schedule's wait; a claim whose holder crashed is taken over once its lease has run
 * out.
 *
 * <p>Only the latest period is looked at: a digest whose send time passed while no instance ran
 * goes when one runs again before the next send time; one whose whole next period passed too is
 * skipped (its notifications stay in the inbox).
 */
class DigestJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

    private final Subscriptions subscriptions;
    private final Notifications notifications;
    private final DigestDispatches dispatches;
    private final DigestMailer mailer;
    private final DigestProperties properties;
    private final DigestSchedule schedule;
    private final RetrySchedule retries;
    private final Duration lease;
    private final Duration mailTimeout;
    private final Clock clock;
    private final MeterRegistry meters;
    private final PeriodicWork work;

    DigestJob(Subscriptions subscriptions, Notifications notifications, DigestDispatches dispatches, DigestMailer mailer,
            DigestProperties properties, NotificationProperties notificationProperties, Clock clock, MeterRegistry meters) {
        this.subscriptions = subscriptions;
        this.notifications = notifications;
        this.dispatches = dispatches;
        this.mailer = mailer;
        this.properties = properties;
        this.schedule = properties.schedule();
        this.retries = new RetrySchedule(notificationProperties.retrySchedule());
        this.lease = notificationProperties.claimDuration();
        this.mailTimeout = notificationProperties.timeout();
        this.clock = clock;
        this.meters = meters;
        this.work = new PeriodicWork("digest-job", Duration.ZERO, properties.interval(), Duration.ofSeconds(5), this::runOnce);
    }

    /** One pass; returns how many digest e-mails it sent. */
    int runOnce() {
        int sent = 0;
        for (Digest digest : List.of(Digest.DAILY, Digest.WEEKLY)) {
            Optional<DigestPeriod> period = schedule.lastEnded(digest, clock.instant().minus(properties.settle()));
            if (period.isEmpty()) {
                continue;
            }
            for (Subscription subscription : subscriptions.activeWithDigest(digest)) {
                // one created after the period ended has nothing in it: no claim to store
                if (subscription.createdAt() != null && !subscription.createdAt().isBefore(period.get().end())) {
                    continue;
                }
                if (Thread.currentThread().isInterrupted()) {
                    return sent;
                }
                if (dispatch(subscription, period.get())) {
                    sent++;
                }
            }
        }
        return sent;
    }

    /** Claims, reads and sends one subscription's digest for one period; true when an e-mail went. */
    private boolean dispatch(Subscription subscription, DigestPeriod period) {
        Instant now = clock.instant();
        Optional<DigestDispatch> claimed = dispatches.claim(subscription.id().value(), period, now, now.plus(lease));
        if (claimed.isEmpty()) {
            return false;
        }
        DigestDispatch dispatch = claimed.get();
        List<NotificationDocument> listed = notifications.storedBetween(subscription.id().value(), period.start(), period.end(),
                properties.maxListed());
        if (listed.isEmpty()) {
            dispatch.nothingToSend();
            dispatches.save(dispatch);
            return false;
        }
        long total = listed.size() < properties.maxListed() ? listed.size()
                : notifications.countStoredBetween(subscription.id().value(), period.start(), period.end());
        boolean sent;
        try {
            mailer.send(subscription, period, listed, total);
            dispatch.sent(total, clock.instant());
            sent = true;
        }
        catch (RuntimeException e) {
            // The subscriber sees the words; an operator may need the cause (an SMTP reply, a certificate).
            log.info("Digest of subscription {} for {} failed: {}", subscription.id(), period.start(), e.toString());
            dispatch.failed(total, DeliveryFailures.describe(e, mailTimeout), clock.instant(), retries);
            sent = false;
        }
        if (dispatches.save(dispatch).isEmpty()) {
            log.warn("Digest of subscription {} for {}: the claim ran out before the attempt ended and was taken over; "
                    + "its outcome is not recorded", subscription.id(), period.start());
        }
        meters.counter("decoop.notifications.digests", "outcome", dispatch.status().name().toLowerCase(java.util.Locale.ROOT))
                .increment();
        return sent;
    }

    @Override
    public void start() {
        work.start();
    }

    @Override
    public void stop() {
        work.stop();
    }

    @Override
    public boolean isRunning() {
        return work.isRunning();
    }
}
