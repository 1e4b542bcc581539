package org.decoop.platform.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;

/**
 * Maps outbox entries to Kafka records in CloudEvents binary mode, with the CloudEvents
 * SDK: the value is the JSON payload, the attributes are {@code ce_*} headers, the key is
 * the aggregate id. The SDK reads them back ({@link #toCloudEvent}), as any CloudEvents
 * SDK would.
 */
public final class CloudEventRecords {

	public static final String JSON = "application/json";

	private CloudEventRecords() {
	}

	/**
	 * CloudEvents Auth Context extension attributes: {@code ce_authtype} and
	 * {@code ce_authid} on Kafka.
	 */
	public static final String AUTH_TYPE = "authtype";

	public static final String AUTH_ID = "authid";

	/**
	 * CloudEvents Distributed Tracing extension: {@code ce_traceparent}, the trace
	 * context of the write that caused the event.
	 */
	public static final String TRACEPARENT = "traceparent";

	public static CloudEvent toCloudEvent(OutboxEvent event, String source) {
		// Events written before the services knew their callers were all caused without
		// one.
		String authType = event.authType() == null ? "system" : event.authType();
		CloudEventBuilder builder = CloudEventBuilder.v1();
		if (event.traceparent() != null) {
			builder.withExtension(TRACEPARENT, event.traceparent());
		}
		return builder.withId(event.eventId())
			.withSource(URI.create(source))
			.withType(event.type())
			.withSubject(event.subject())
			.withTime(event.time().atOffset(ZoneOffset.UTC))
			.withDataContentType(JSON)
			.withData(event.data().getBytes(StandardCharsets.UTF_8))
			.withExtension(AUTH_TYPE, authType)
			.withExtension(AUTH_ID, event.authId() == null ? source : event.authId())
			.build();
	}

	public static ProducerRecord<String, byte[]> toRecord(OutboxEvent event, String topic, String source) {
		return KafkaMessageFactory.<String>createWriter(topic, event.subject())
			.writeBinary(toCloudEvent(event, source));
	}

	public static CloudEvent toCloudEvent(ConsumerRecord<?, byte[]> record) {
		return KafkaMessageFactory.createReader(record).toEvent();
	}

}
