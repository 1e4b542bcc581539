package org.decoop.examples.followpartnerships;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.decoop.events.EventCatalog;
import org.decoop.events.partnership.PartnershipEvent;
import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a record of partnership-events: a CloudEvent in Kafka binary mode, its attributes
 * in {@code ce_*} headers, its data the JSON of one of event-contracts' records. Only
 * partnership events from their owner (the catalog's {@code ce_source}) count: the topic
 * also carries partner searches, and a subscriber skips types it does not know (newer
 * than its event-contracts).
 */
final class PartnershipEvents {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PartnershipEvents() {
	}

	static Optional<PartnershipEvent> read(Message<byte[]> message) {
		Optional<String> source = header(message, "source");
		return header(message, "type").flatMap(EventCatalog::classOf)
			.filter(PartnershipEvent.class::isAssignableFrom)
			.filter(eventClass -> source.filter(EventCatalog.sourceOf(eventClass)::equals).isPresent())
			.map(eventClass -> (PartnershipEvent) JSON.readValue(message.getPayload(), eventClass));
	}

	/**
	 * A CloudEvents attribute: {@code ce_type} on the wire; Spring Cloud Function may
	 * hand it over as {@code ce-type}.
	 */
	private static Optional<String> header(Message<?> message, String attribute) {
		Object value = message.getHeaders().get("ce_" + attribute);
		if (value == null) {
			value = message.getHeaders().get("ce-" + attribute);
		}
		return Optional.ofNullable(value)
			.map(found -> found instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : found.toString());
	}

}
