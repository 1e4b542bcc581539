package org.decoop.notification.notification;

import java.time.Instant;
import java.util.List;

import org.decoop.events.Channel;
import org.decoop.notification.notification.domain.Attempt;
import org.decoop.notification.notification.domain.DeliveryStatus;
import org.decoop.notification.notification.domain.Summary;
import org.jspecify.annotations.Nullable;

/**
 * A stored notification as other features read it (the inbox, streams, deliveries,
 * digests): one event for one subscription and, for webhooks and e-mail, its delivery
 * with every attempt. The stored document itself stays inside this feature.
 *
 * @param summary what a notification stored before summaries were facts says (an English
 * sentence), or null
 * @param message what it says, as facts each reader gets in their own language (see
 * {@link Summaries}); null in notifications stored before
 * @param cloudEvent the event as a structured CloudEvent (JSON), exactly as webhooks
 * receive it
 * @param traceparent the W3C trace context of the consumer that stored it: its delivery
 * continues that trace
 */
public record Notification(String id, String subscriptionId, long seq, String eventId, String eventType,
		@Nullable String subject, @Nullable String summary, @Nullable Summary message, Instant occurredAt,
		Instant createdAt, String cloudEvent, @Nullable String traceparent, boolean read, Channel channel,
		@Nullable String target, DeliveryStatus status, int attemptCount, @Nullable Instant nextAttemptAt,
		@Nullable Instant deliveredAt, List<Attempt> attempts) {

	public Notification {
		attempts = List.copyOf(attempts);
	}
}
