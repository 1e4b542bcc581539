package org.decoop.notification.notification;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.decoop.notification.notification.domain.Summary;
import org.decoop.notification.subscription.domain.Subscription;

import org.jspecify.annotations.Nullable;

/**
 * What every subscription's notification of one event holds, as
 * {@link NotificationRecorder} prepared it.
 *
 * @param cloudEvent the event as a structured CloudEvent, language-neutral
 * @param webhookBodies per webhook language, the CloudEvent with a {@code summary} in
 * that language: what a webhook subscription receives
 * @param traceparent the W3C trace context of the consumer, when it is traced
 */
record NewNotification(String eventId, String eventType, @Nullable String subject, Summary summary, Instant occurredAt,
		String cloudEvent, Map<Locale, String> webhookBodies, @Nullable String traceparent) {

	NewNotification {
		webhookBodies = Map.copyOf(webhookBodies);
	}

	/**
	 * The body stored for a subscription: with a summary in its language for a webhook.
	 */
	String cloudEventFor(Subscription subscription) {
		return webhookBodies.getOrDefault(subscription.locale(), cloudEvent);
	}

}
