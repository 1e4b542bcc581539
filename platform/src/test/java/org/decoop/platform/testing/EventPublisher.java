package org.decoop.platform.testing;

import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.decoop.events.DecoopEvent;
import org.decoop.events.EventCatalog;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Publishes events as their owners' relays would, on the event catalog's topic with the
 * owner's source, through one producer per test class:
 * {@code @RegisterExtension static final EventPublisher EVENTS = new EventPublisher();}.
 */
public final class EventPublisher implements BeforeAllCallback, AfterAllCallback {

	private KafkaProducer<String, byte[]> producer;

	@Override
	public void beforeAll(ExtensionContext context) {
		producer = EventTopics.producer();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		producer.close();
	}

	/** The record the owner's relay would publish for {@code event}. */
	public static ProducerRecord<String, byte[]> record(DecoopEvent event) {
		return EventTopics.record(event, EventCatalog.topicOf(event.getClass()),
				EventCatalog.sourceOf(event.getClass()));
	}

	/**
	 * Publishes {@code event} as its owner would and waits for the broker's
	 * acknowledgement.
	 */
	public void publish(DecoopEvent event) throws InterruptedException, ExecutionException {
		send(record(event));
	}

	/**
	 * Sends this record as it is (a redelivery, a forged or poisoned one) and waits for
	 * the broker's acknowledgement.
	 */
	public void send(ProducerRecord<String, byte[]> record) throws InterruptedException, ExecutionException {
		producer.send(record).get();
	}

}
