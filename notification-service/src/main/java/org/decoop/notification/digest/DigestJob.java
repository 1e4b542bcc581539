package org.decoop.notification.digest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.decoop.notification.RetrySchedule;
import org.decoop.notification.NotificationProperties;
import org.decoop.notification.delivery.DeliveryFailures;
import org.decoop.notification.digest.domain.DigestDispatch;
import org.decoop.notification.digest.domain.DigestPeriod;
import org.decoop.notification.digest.domain.DigestSchedule;
import org.decoop.notification.notification.Notification;
import org.decoop.notification.notification.Notifications;
import org.decoop.notification.subscription.Subscriptions;
import org.decoop.notification.subscription.domain.Digest;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.notification.subscription.domain.SubscriptionId;
import org.decoop.platform.scheduling.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends the digest e-mails. Every instance may run the job; each digest is claimed BEFORE
 * it is read and sent, and a period's digest is sent by the one instance whose claim was
 * stored. Each pass:
 *
 * <ol>
 * <li><b>sweeps</b> the stored digests, whatever their period, for a RETRYING one whose
 * next attempt is due and a SENDING one whose holder's lease ran out (it crashed), takes
 * each over and sends it: a retry goes on until the retry schedule is spent (then
 * FAILED), however many periods end meanwhile;</li>
 * <li>for DAILY and WEEKLY, looks at the latest ended (and settled) periods, at most
 * {@link DigestProperties#catchUp catch-up} of them, and for each ACTIVE subscription of
 * that kind claims those that have no digest yet, oldest first: from the latest back to
 * the first one that has a digest, or that ended before the subscription was created. So
 * a digest whose send time passed while no instance ran goes when one runs again, unless
 * it is older than the catch-up (its notifications stay in the inbox). In the steady
 * state that is one lookup by id per subscription.</li>
 * </ol>
 *
 * <p>
 * The lease is renewed right before the e-mail is handed to the mail server, so a slow
 * mail server does not let another instance take the digest over while it is being sent.
 */
class DigestJob extends PeriodicJob {

	private static final Logger log = LoggerFactory.getLogger(DigestJob.class);

	/** Due digests a pass takes from the sweep at most; the next pass takes the rest. */
	static final int SWEEP_LIMIT = 1000;

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

	DigestJob(Subscriptions subscriptions, Notifications notifications, DigestDispatches dispatches,
			DigestMailer mailer, DigestProperties properties, NotificationProperties notificationProperties,
			Clock clock, MeterRegistry meters) {
		super("digest-job", Duration.ZERO, properties.interval());
		this.subscriptions = subscriptions;
		this.notifications = notifications;
		this.dispatches = dispatches;
		this.mailer = mailer;
		this.properties = properties;
		this.schedule = properties.schedule();
		this.retries = new RetrySchedule(notificationProperties.retrySchedule());
		this.lease = properties.lease();
		this.mailTimeout = notificationProperties.timeout();
		this.clock = clock;
		this.meters = meters;
	}

	/** One pass; returns how many digest e-mails it sent. */
	@Override
	protected int runOnce() {
		int sent = 0;
		for (DigestDispatch due : dispatches.due(clock.instant(), SWEEP_LIMIT)) {
			if (Thread.currentThread().isInterrupted()) {
				return sent;
			}
			Instant now = clock.instant();
			Optional<DigestDispatch> claimed = dispatches.takeOver(due, now, now.plus(lease));
			if (claimed.isPresent() && dispatch(claimed.get())) {
				sent++;
			}
		}
		for (Digest digest : List.of(Digest.DAILY, Digest.WEEKLY)) {
			List<DigestPeriod> recent = schedule.lastEnded(digest, clock.instant().minus(properties.settle()),
					properties.catchUp(digest));
			if (recent.isEmpty()) {
				continue;
			}
			for (Subscription subscription : subscriptions.activeWithDigest(digest)) {
				for (DigestPeriod period : withoutDigest(subscription, recent)) {
					if (Thread.currentThread().isInterrupted()) {
						return sent;
					}
					Optional<DigestDispatch> claimed = dispatches.claimNew(subscription.id().value(), period,
							clock.instant().plus(lease));
					if (claimed.isPresent() && send(subscription, claimed.get())) {
						sent++;
					}
				}
			}
		}
		return sent;
	}

	/**
	 * Of the recent periods (newest first), those a subscription has no digest for yet,
	 * oldest first: back from the latest to the first one that has a digest (the ones
	 * before it were claimed before it, oldest first) or that ended before the
	 * subscription was created (nothing in it). One exact lookup by id per period looked
	 * at.
	 */
	private List<DigestPeriod> withoutDigest(Subscription subscription, List<DigestPeriod> recent) {
		List<DigestPeriod> without = new ArrayList<>();
		for (DigestPeriod period : recent) {
			if (subscription.createdAt() != null && !subscription.createdAt().isBefore(period.end())) {
				break;
			}
			if (dispatches.find(subscription.id().value(), period.start()).isPresent()) {
				break;
			}
			without.add(period);
		}
		return without.reversed();
	}

	/**
	 * Sends a digest taken over by the sweep, or cancels it when its subscription is
	 * gone; true when an e-mail went.
	 */
	private boolean dispatch(DigestDispatch dispatch) {
		Optional<Subscription> subscription = subscriptions.byId(new SubscriptionId(dispatch.subscriptionId()));
		if (subscription.isEmpty() || subscription.get().status() != Subscription.Status.ACTIVE) {
			dispatch.cancel(subscription.isEmpty() ? "subscription deleted" : "subscription disabled", clock.instant());
			dispatches.save(dispatch);
			count(dispatch);
			return false;
		}
		return send(subscription.get(), dispatch);
	}

	/**
	 * Reads and sends one claimed digest, then records the outcome on the version it
	 * holds; true when an e-mail went.
	 */
	private boolean send(Subscription subscription, DigestDispatch claimed) {
		DigestDispatch dispatch = claimed;
		DigestPeriod period = dispatch.period();
		List<Notification> listed = notifications.storedBetween(subscription.id().value(), period.start(), period.end(),
				properties.maxListed());
		if (listed.isEmpty()) {
			dispatch.nothingToSend();
			dispatches.save(dispatch);
			count(dispatch);
			return false;
		}
		long total = listed.size() < properties.maxListed() ? listed.size()
				: notifications.countStoredBetween(subscription.id().value(), period.start(), period.end());
		// the whole lease for the SMTP session: reading may have taken a while
		dispatch.renewLease(clock.instant().plus(lease));
		Optional<DigestDispatch> renewed = dispatches.save(dispatch);
		if (renewed.isEmpty()) {
			log.warn(
					"Digest of subscription {} for {}: the claim ran out before the e-mail could go and was taken over; "
							+ "not sent here",
					subscription.id(), period.start());
			return false;
		}
		dispatch = renewed.get();
		boolean sent;
		try {
			mailer.send(subscription, period, listed, total);
			dispatch.sent(total, clock.instant());
			sent = true;
		}
		catch (RuntimeException e) {
			// The subscriber sees the words; an operator may need the cause (an SMTP
			// reply, a certificate).
			log.info("Digest of subscription {} for {} failed: {}", subscription.id(), period.start(), e.toString());
			dispatch.failed(total, DeliveryFailures.describe(e, mailTimeout), clock.instant(), retries);
			sent = false;
		}
		if (dispatches.save(dispatch).isEmpty()) {
			log.warn("Digest of subscription {} for {}: the claim ran out before the attempt ended and was taken over; "
					+ "its outcome is not recorded", subscription.id(), period.start());
		}
		count(dispatch);
		return sent;
	}

	private void count(DigestDispatch dispatch) {
		meters.counter("decoop.notifications.digests", "outcome", dispatch.status().name().toLowerCase(Locale.ROOT))
			.increment();
	}

}
