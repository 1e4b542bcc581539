package org.decoop.notification.inbox.web;

import java.time.Instant;

import org.decoop.notification.notification.Notification;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An inbox entry; {@code summary} is in the reader's language, {@code event} is the
 * structured CloudEvent.
 */
public record NotificationResponse(String id, long seq, String eventId, String eventType, @Nullable String subject,
		String summary, Instant occurredAt, Instant createdAt, boolean read, @Schema(implementation = Object.class,
				description = "The event as a structured CloudEvent (JSON)") JsonNode event) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The entry, with {@code summary} as its reader reads it. */
	public static NotificationResponse of(Notification notification, String summary) {
		return new NotificationResponse(notification.id(), notification.seq(), notification.eventId(),
				notification.eventType(), notification.subject(), summary, notification.occurredAt(),
				notification.createdAt(), notification.read(), JSON.readTree(notification.cloudEvent()));
	}
}
