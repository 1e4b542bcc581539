package org.decoop.notification.notification;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What every subscription's notification of one event holds, as
 * {@link NotificationRecorder} prepared it.
 *
 * @param traceparent the W3C trace context of the consumer, when it is traced
 */
record NewNotification(String eventId, String eventType, @Nullable String subject, String summary, Instant occurredAt,
		String cloudEvent, @Nullable String traceparent) {
}
