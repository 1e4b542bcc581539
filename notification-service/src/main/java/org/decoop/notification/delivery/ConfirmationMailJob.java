package org.decoop.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.decoop.notification.RetrySchedule;
import org.decoop.notification.NotificationProperties;
import org.decoop.notification.notification.Summaries;
import org.decoop.notification.subscription.Confirmations;
import org.decoop.notification.subscription.domain.Digest;
import org.decoop.notification.subscription.domain.Subscription;
import org.decoop.notification.subscription.domain.SubscriptionId;
import org.decoop.platform.scheduling.PeriodicJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

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

	private final JavaMailSender mail;

	private final String from;

	private final RetrySchedule schedule;

	private final Duration claimDuration;

	private final Duration timeout;

	private final Clock clock;

	private final MeterRegistry meters;

	private final MessageSource messages;

	private final Summaries summaries;

	private final ZoneId zone;

	ConfirmationMailJob(Confirmations confirmations, JavaMailSender mail, NotificationProperties properties,
			Clock clock, MeterRegistry meters, MessageSource messages, Summaries summaries) {
		super("confirmation-mail", Duration.ZERO, properties.pollInterval());
		this.confirmations = confirmations;
		this.mail = mail;
		this.from = properties.mailFrom();
		this.schedule = new RetrySchedule(properties.retrySchedule());
		this.claimDuration = properties.claimDuration();
		this.timeout = properties.timeout();
		this.clock = clock;
		this.meters = meters;
		this.messages = messages;
		this.summaries = summaries;
		this.zone = properties.zone();
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

	private MimeMessage message(Confirmations.Sending sending) {
		Subscription subscription = sending.subscription();
		Locale locale = subscription.locale();
		String events = subscription.eventTypes().isEmpty()
				? messages.getMessage("notification.mail.confirm.every-event", null, locale)
				: String.join(", ",
						subscription.eventTypes()
							.stream()
							.sorted()
							.map(type -> summaries.eventLabel(type, locale))
							.toList());
		if (subscription.isDigest()) {
			events += ", " + messages.getMessage(
					subscription.digest() == Digest.WEEKLY ? "notification.digest.WEEKLY" : "notification.digest.DAILY",
					null, locale);
		}
		String until = "%s (%s)".formatted(
				summaries.dateTime(Objects.requireNonNull(sending.confirmation().expiresAt(), "a claimed link expires"),
						zone, locale),
				zone.getId());
		MimeMessage message = mail.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
			helper.setFrom(from);
			helper.setTo(subscription.address());
			helper.setSubject(messages.getMessage("notification.mail.confirm.subject", null, locale));
			helper.setText(messages.getMessage(
					"notification.mail.confirm.body", new Object[] { events, until,
							confirmations.link(subscription.id(), sending.token()), subscription.id().value() },
					locale));
			// not quoted-printable: the link stays on one line, as written
			message.setHeader("Content-Transfer-Encoding", "8bit");
			message.setHeader("Content-Language", locale.toLanguageTag());
		}
		catch (MessagingException e) {
			throw new MailPreparationException(e);
		}
		return message;
	}

}
