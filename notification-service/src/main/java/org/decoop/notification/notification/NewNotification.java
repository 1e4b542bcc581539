package org.decoop.notification.notification;

import java.time.Instant;

/**
 * What every subscription's notification of one event holds, as
 * {@link NotificationRecorder} prepared it.
 */
record NewNotification(String eventId, String eventType, String subject, String summary, Instant occurredAt,
		String cloudEvent, String traceparent) {
}
