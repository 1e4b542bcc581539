package org.decoop.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.decoop.notification.RetrySchedule;
import org.decoop.notification.NotificationProperties;
import org.decoop.notification.email.Mail;
import org.decoop.notification.email.MailWriter;
import org.decoop.notification.notification.Summaries;
import org.decoop.notification.subscription.Confirmations;
import org.decoop.notification.subscription.domain.Digest;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.notification.subscription.domain.SubscriptionId;
import org.decoop.platform.scheduling.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends the confirmation e-mails of new EMAIL subscriptions, which wait in their
 * subscriptions' documents: claims one (the claim issues its link's token), sends it,
 * records the outcome; a failed one is tried again on the delivery retry schedule. A
 * claim that a crash left runs out after the claim duration and the e-mail is sent again,
 * with a new link. The e-mail is in the subscription's language (its expiry in the
 * service's time zone); plain text in UTF-8 sent as 8bit, so its link reaches the reader
 * (and a script reading the raw message) unencoded.
 */
class ConfirmationMailJob extends PeriodicJob {

	private static final Logger log = LoggerFactory.getLogger(ConfirmationMailJob.class);

	private static final int BATCH = 100;

	private final Confirmations confirmations;

	private final MailWriter mail;

	private final RetrySchedule schedule;

	private final Duration claimDuration;

	private final Duration timeout;

	private final Clock clock;

	private final MeterRegistry meters;

	private final Summaries summaries;

	ConfirmationMailJob(Confirmations confirmations, MailWriter mail, NotificationProperties properties, Clock clock,
			MeterRegistry meters, Summaries summaries) {
		super("confirmation-mail", Duration.ZERO, properties.pollInterval());
		this.confirmations = confirmations;
		this.mail = mail;
		this.schedule = new RetrySchedule(properties.retrySchedule());
		this.claimDuration = properties.claimDuration();
		this.timeout = properties.timeout();
		this.clock = clock;
		this.meters = meters;
		this.summaries = summaries;
	}

	/** One pass; returns how many confirmation e-mails it sent. */
	@Override
	protected int runOnce() {
		int sent = 0;
		for (SubscriptionId id : confirmations.mailDue(clock.instant(), BATCH)) {
			if (Thread.currentThread().isInterrupted()) {
				break;
			}
			Instant now = clock.instant();
			Optional<Confirmations.Sending> claimed = confirmations.claim(id, now, now.plus(claimDuration));
			if (claimed.isPresent() && send(claimed.get())) {
				sent++;
			}
		}
		return sent;
	}

	private boolean send(Confirmations.Sending sending) {
		Subscription subscription = sending.subscription();
		try {
			mail.send(message(sending));
		}
		catch (MailException e) {
			log.info("Confirmation e-mail of subscription {} failed: {}", subscription.id(), e.toString());
			confirmations.failed(sending, DeliveryFailures.describe(e, timeout), schedule, clock.instant());
			meters.counter("decoop.notifications.confirmations", "outcome", "failed").increment();
			return false;
		}
		if (!confirmations.sent(sending, clock.instant())) {
			log.warn("Confirmation e-mail of subscription {}: the subscription changed while it was sent; not recorded",
					subscription.id());
		}
		meters.counter("decoop.notifications.confirmations", "outcome", "sent").increment();
		return true;
	}

	private Mail message(Confirmations.Sending sending) {
		Subscription subscription = sending.subscription();
		Locale locale = subscription.locale();
		String events = subscription.eventTypes().isEmpty() ? mail.say("notification.mail.confirm.every-event", locale)
				: String.join(", ",
						subscription.eventTypes()
							.stream()
							.sorted()
							.map(type -> summaries.eventLabel(type, locale))
							.toList());
		if (subscription.isDigest()) {
			events += ", " + mail.say(
					subscription.digest() == Digest.WEEKLY ? "notification.digest.WEEKLY" : "notification.digest.DAILY",
					locale);
		}
		String until = mail.at(Objects.requireNonNull(sending.confirmation().expiresAt(), "a claimed link expires"),
				locale);
		String text = mail.say("notification.mail.confirm.body", locale, events, until,
				confirmations.link(subscription.id(), sending.token()), subscription.id().value());
		// sent as written: the link stays on one line
		return Mail.plain(subscription.address(), locale, mail.say("notification.mail.confirm.subject", locale), text)
			.asWritten();
	}

}
