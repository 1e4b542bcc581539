package org.decoop.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.decoop.events.DecoopEvent;
import org.decoop.events.EventCatalog;
import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;
import org.jspecify.annotations.Nullable;

/**
 * A CloudEvent received through a Spring Cloud Stream binding in Kafka binary mode: the
 * attributes are the {@code ce_*} record headers, the payload is the JSON data. Spring
 * Cloud Function renames some of them to the canonical {@code ce-} prefix before the
 * function sees them (only when it takes the record for a CloudEvent), and the binder
 * hands values over as text or raw bytes depending on the producer, so every variant is
 * read here.
 */
public record IncomingEvent(String id, String type, @Nullable String source, @Nullable String subject,
		@Nullable String time, byte[] data) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Reads the CloudEvent attributes of a message; a missing {@code ce_id} or
	 * {@code ce_type} is a poison record.
	 */
	public static IncomingEvent of(Message<byte[]> message) {
		Optional<String> id = header(message, "ce_id");
		Optional<String> type = header(message, "ce_type");
		if (id.isEmpty() || type.isEmpty()) {
			throw new IllegalArgumentException(
					"Not a CloudEvent in Kafka binary mode: ce_id or ce_type header missing");
		}
		return new IncomingEvent(id.get(), type.get(), header(message, "ce_source").orElse(null),
				header(message, "ce_subject").orElse(null), header(message, "ce_time").orElse(null),
				message.getPayload());
	}

	/**
	 * The payload as its catalog record, when the type is one of {@code family}; empty
	 * for a type this version does not know (consumers skip those). A payload that cannot
	 * be read, or an event whose {@code ce_source} is not the service that owns its type
	 * (and topic), throws, so the binding parks it on the dead-letter topic with the
	 * reason: a consumer never applies an event that its owner did not publish.
	 */
	public <T extends DecoopEvent> Optional<T> as(Class<T> family) {
		Optional<Class<? extends DecoopEvent>> known = EventCatalog.classOf(type).filter(family::isAssignableFrom);
		known.ifPresent(eventClass -> {
			String owner = EventCatalog.sourceOf(eventClass);
			if (!owner.equals(source)) {
				throw new ForeignSource("Refused: %s %s says ce_source=%s, but only %s publishes %s".formatted(type, id,
						source, owner, EventCatalog.nameOf(eventClass)));
			}
		});
		return known.map(eventClass -> family.cast(JSON.readValue(data, eventClass)));
	}

	/** An event that claims to come from a service that does not own its type. */
	public static final class ForeignSource extends IllegalArgumentException {

		public ForeignSource(String message) {
			super(message);
		}

	}

	private static Optional<String> header(Message<?> message, String name) {
		String attribute = name.substring("ce_".length());
		Object value = message.getHeaders().get("ce_" + attribute);
		if (value == null) {
			value = message.getHeaders().get("ce-" + attribute);
		}
		if (value instanceof byte[] bytes) {
			return Optional.of(new String(bytes, StandardCharsets.UTF_8));
		}
		return Optional.ofNullable(value).map(Object::toString);
	}
}
