package org.decoop.platform.outbox;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One event waiting inside its aggregate's document until the relay has published it.
 * {@code data} is the event's JSON exactly as it goes on the wire; {@code id} is the
 * CloudEvent id consumers deduplicate on (not named {@code id}: Spring Data would store
 * that as {@code _id}). {@code authType} and {@code authId} say who caused it
 * (CloudEvents Auth Context): {@code user} or {@code service_account} with the token's
 * subject, or {@code system} with the service's name. {@code traceparent} is the W3C
 * trace context of the write that caused it (null when untraced): the relay publishes it
 * as the CloudEvents Distributed Tracing extension and continues its trace.
 */
public record OutboxEvent(String eventId, String type, String subject, Instant time, String data, String authType,
		String authId, @Nullable String traceparent) {

	public OutboxEvent(String eventId, String type, String subject, Instant time, String data, String authType,
			String authId) {
		this(eventId, type, subject, time, data, authType, authId, null);
	}
}
