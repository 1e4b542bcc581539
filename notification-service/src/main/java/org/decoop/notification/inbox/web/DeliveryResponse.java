package org.decoop.notification.inbox.web;

import java.time.Instant;
import java.util.List;

import org.decoop.events.Channel;
import org.decoop.notification.MaskedTarget;
import org.decoop.notification.notification.Notification;
import org.decoop.notification.notification.domain.Attempt;
import org.decoop.notification.notification.domain.DeliveryStatus;
import org.jspecify.annotations.Nullable;

public record DeliveryResponse(String id, String eventId, String eventType, Channel channel, @Nullable String target,
		DeliveryStatus status, int attemptCount, @Nullable Instant nextAttemptAt, @Nullable Instant deliveredAt,
		List<Attempt> attempts) {

	public static DeliveryResponse of(Notification delivery) {
		return new DeliveryResponse(delivery.id(), delivery.eventId(), delivery.eventType(), delivery.channel(),
				MaskedTarget.of(delivery.channel(), delivery.target()).orElse(null), delivery.status(),
				delivery.attemptCount(), delivery.nextAttemptAt(), delivery.deliveredAt(), delivery.attempts());
	}
}
