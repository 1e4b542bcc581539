package org.decoop.events.notification;

import java.time.Instant;

import org.decoop.events.Channel;

/** Every retry of one delivery was spent without success. */
public record NotificationDeliveryFailed(String subscriptionId, String deliveryId, String eventId, String eventType,
		Channel channel, String target, int attempts, String lastError,
		Instant occurredAt) implements NotificationEvent {
}
