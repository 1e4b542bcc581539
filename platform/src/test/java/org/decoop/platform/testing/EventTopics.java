package org.decoop.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.decoop.events.DecoopEvent;
import org.decoop.platform.domain.Actor;
import org.decoop.platform.outbox.CloudEventRecords;
import org.decoop.platform.outbox.EventSerializer;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * The event topics as an outside producer and consumer see them, on the test
 * infrastructure's broker: publish an event exactly as its owner's outbox relay would,
 * and read a topic back.
 */
public final class EventTopics {

	private static final EventSerializer SERIALIZER = new EventSerializer(() -> Actor.system("test"));

	private EventTopics() {
	}

	/** A producer of CloudEvent records (String keys, byte values), as the relay's. */
	public static KafkaProducer<String, byte[]> producer() {
		Map<String, Object> config = KafkaTestUtils.producerProps(TestInfrastructure.current().kafkaBootstrapServers());
		return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
	}

	/** The record the owner's relay would publish for {@code event}. */
	public static ProducerRecord<String, byte[]> record(DecoopEvent event, String topic, String source) {
		return CloudEventRecords.toRecord(SERIALIZER.toOutbox(event), topic, source);
	}

	/**
	 * Publishes {@code event} as its owner would and waits for the broker's
	 * acknowledgement.
	 */
	public static void publish(KafkaProducer<String, byte[]> producer, DecoopEvent event, String topic, String source)
			throws InterruptedException, ExecutionException {
		producer.send(record(event, topic, source)).get();
	}

	/** A consumer of its own new group, reading {@code topic} from the start. */
	public static KafkaConsumer<String, byte[]> consumer(String topic) {
		Map<String, Object> config = KafkaTestUtils.consumerProps(TestInfrastructure.current().kafkaBootstrapServers(),
				"it-" + UUID.randomUUID());
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer());
		consumer.subscribe(List.of(topic));
		return consumer;
	}

	/**
	 * Waits until {@code expected} records with {@code key} were read, and checks no more
	 * came meanwhile.
	 */
	public static List<ConsumerRecord<String, byte[]>> recordsWithKey(KafkaConsumer<String, byte[]> consumer,
			String key, int expected) {
		return records(consumer, record -> key.equals(record.key()), expected);
	}

	/**
	 * Waits until {@code expected} records that {@code wanted} accepts were read, and
	 * checks no more came meanwhile.
	 */
	public static List<ConsumerRecord<String, byte[]>> records(KafkaConsumer<String, byte[]> consumer,
			Predicate<ConsumerRecord<String, byte[]>> wanted, int expected) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			consumer.poll(Duration.ofMillis(200)).forEach(record -> {
				if (wanted.test(record)) {
					records.add(record);
				}
			});
			assertThat(records).hasSizeGreaterThanOrEqualTo(expected);
		});
		assertThat(records).hasSize(expected);
		return records;
	}

	/** A header's value as text, or null. */
	public static String header(ConsumerRecord<String, byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

}
