package org.decoop.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.decoop.notification.RetrySchedule;
import org.decoop.notification.NotificationProperties;
import org.decoop.notification.subscription.Confirmations;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.notification.subscription.domain.SubscriptionId;
import org.decoop.platform.scheduling.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sends the confirmation e-mails of new EMAIL subscriptions, which wait in their
 * subscriptions' documents: claims one (the claim issues its link's token), sends it,
 * records the outcome; a failed one is tried again on the delivery retry schedule. A
 * claim that a crash left runs out after the claim duration and the e-mail is sent again,
 * with a new link. The e-mail is plain ASCII, so its link reaches the reader (and a
 * script reading the raw message) unencoded.
 */
class ConfirmationMailJob extends PeriodicJob {

	private static final Logger log = LoggerFactory.getLogger(ConfirmationMailJob.class);

	private static final int BATCH = 100;

	private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Confirmations confirmations;

	private final JavaMailSender mail;

	private final String from;

	private final RetrySchedule schedule;

	private final Duration claimDuration;

	private final Duration timeout;

	private final Clock clock;

	private final MeterRegistry meters;

	ConfirmationMailJob(Confirmations confirmations, JavaMailSender mail, NotificationProperties properties,
			Clock clock, MeterRegistry meters) {
		super("confirmation-mail", Duration.ZERO, properties.pollInterval());
		this.confirmations = confirmations;
		this.mail = mail;
		this.from = properties.mailFrom();
		this.schedule = new RetrySchedule(properties.retrySchedule());
		this.claimDuration = properties.claimDuration();
		this.timeout = properties.timeout();
		this.clock = clock;
		this.meters = meters;
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

	private SimpleMailMessage message(Confirmations.Sending sending) {
		Subscription subscription = sending.subscription();
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(subscription.address());
		message.setSubject("[decoop] Confirm your e-mail subscription");
		String events = subscription.eventTypes().isEmpty() ? "every event"
				: String.join(", ", subscription.eventTypes().stream().sorted().toList());
		message.setText("""
				A decoop user asked for notifications to be sent to this address (%s%s).

				To receive them, open this link and press "Confirm". It works once, until %s:

				%s

				If you did not ask for this, ignore this e-mail: nothing will be sent to you.

				Subscription %s.
				""".formatted(events,
				subscription.isDigest()
						? ", " + subscription.digest().name().toLowerCase(java.util.Locale.ROOT) + " digest" : "",
				UNTIL.format(sending.confirmation().expiresAt()),
				confirmations.link(subscription.id(), sending.token()), subscription.id()));
		return message;
	}

}
