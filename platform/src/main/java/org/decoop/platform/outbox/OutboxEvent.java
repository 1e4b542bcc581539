package org.decoop.platform.outbox;

import java.time.Instant;

/**
 * One event waiting inside its aggregate's document until the relay has published it.
 * {@code data} is the event's JSON exactly as it goes on the wire; {@code id} is the
 * CloudEvent id consumers deduplicate on (not named {@code id}: Spring Data would store that as {@code _id}).
 */
public record OutboxEvent(String eventId, String type, String subject, Instant time, String data) {
}
