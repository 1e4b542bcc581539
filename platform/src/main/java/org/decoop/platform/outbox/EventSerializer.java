package org.decoop.platform.outbox;

import java.util.List;
import java.util.UUID;

import java.util.function.Supplier;

import org.decoop.events.DecoopEvent;
import org.decoop.events.EventCatalog;
import org.decoop.platform.domain.Actor;

import tools.jackson.databind.json.JsonMapper;
import java.util.Optional;

/**
 * Turns catalog events into outbox entries: a fresh CloudEvent id, the type, the JSON
 * payload. It uses its own plain mapper, not the web layer's, so that the wire format of
 * events is the one the JSON Schemas in event-contracts describe, whatever
 * {@code spring.jackson.*} says.
 */
public class EventSerializer {

	private final JsonMapper jsonMapper = JsonMapper.builder().build();

	private final Supplier<Actor> author;

	private final Supplier<Optional<String>> traceparent;

	/**
	 * @param author who causes the events serialized now: the signed-in caller, else the
	 * service itself
	 */
	public EventSerializer(Supplier<Actor> author) {
		this(author, Optional::empty);
	}

	/**
	 * @param traceparent the W3C trace context of the work in progress, if it is traced
	 */
	public EventSerializer(Supplier<Actor> author, Supplier<Optional<String>> traceparent) {
		this.author = author;
		this.traceparent = traceparent;
	}

	public List<OutboxEvent> toOutbox(List<? extends DecoopEvent> events) {
		return events.stream().map(this::toOutbox).toList();
	}

	public OutboxEvent toOutbox(DecoopEvent event) {
		Actor actor = author.get();
		return new OutboxEvent(UUID.randomUUID().toString(), EventCatalog.typeOf(event.getClass()), event.aggregateId(),
				event.occurredAt(), jsonMapper.writeValueAsString(event), actor.kind().authType(), actor.id(),
				traceparent.get().orElse(null));
	}

}
