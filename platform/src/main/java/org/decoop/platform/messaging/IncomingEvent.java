package org.decoop.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.decoop.events.DecoopEvent;
import org.decoop.events.EventCatalog;
import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;

/**
 * A CloudEvent received through a Spring Cloud Stream binding in Kafka binary mode: the
 * attributes are the {@code ce_*} record headers, the payload is the JSON data. Spring Cloud
 * Function renames some of them to the canonical {@code ce-} prefix before the function sees
 * them (only when it takes the record for a CloudEvent), and the binder hands values over as
 * text or raw bytes depending on the producer, so every variant is read here.
 */
public record IncomingEvent(String id, String type, String source, String subject, String time, byte[] data) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Reads the CloudEvent attributes of a message; a missing {@code ce_id} or {@code ce_type} is a poison record. */
    public static IncomingEvent of(Message<byte[]> message) {
        String id = header(message, "ce_id");
        String type = header(message, "ce_type");
        if (id == null || type == null) {
            throw new IllegalArgumentException("Not a CloudEvent in Kafka binary mode: ce_id or ce_type header missing");
        }
        return new IncomingEvent(id, type, header(message, "ce_source"), header(message, "ce_subject"), header(message, "ce_time"),
                message.getPayload());
    }

    /**
     * The payload as its catalog record, when the type is one of {@code family}; empty for a
     * type this version does not know (consumers skip those). A payload that cannot be read
     * throws, so the binding retries it and then parks it on the dead-letter topic.
     */
    public <T extends DecoopEvent> Optional<T> as(Class<T> family) {
        return EventCatalog.classOf(type)
                .filter(family::isAssignableFrom)
                .map(eventClass -> family.cast(JSON.readValue(data, eventClass)));
    }

    private static String header(Message<?> message, String name) {
        String attribute = name.substring("ce_".length());
        Object value = message.getHeaders().get("ce_" + attribute);
        if (value == null) {
            value = message.getHeaders().get("ce-" + attribute);
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
