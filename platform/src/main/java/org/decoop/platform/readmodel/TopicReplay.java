package org.decoop.platform.readmodel;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

/**
 * A topic read from its beginning by a consumer of its own: every partition assigned by
 * hand, no consumer group, nothing committed, so the service's live consumers and their
 * offsets are left alone. Reads up to end offsets taken when asked
 * ({@link #endOffsets()}), as the live consumer would have received each record.
 */
final class TopicReplay implements AutoCloseable {

	private final Consumer<byte[], byte[]> consumer;

	private final List<TopicPartition> partitions;

	private final Duration poll;

	TopicReplay(Consumer<byte[], byte[]> consumer, String topic, Duration poll) {
		this.consumer = consumer;
		this.poll = poll;
		this.partitions = consumer.partitionsFor(topic)
			.stream()
			.map(info -> new TopicPartition(topic, info.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
	}

	Map<TopicPartition, Long> endOffsets() {
		return consumer.endOffsets(partitions);
	}

	/** True once every partition has been read up to {@code end}. */
	boolean reached(Map<TopicPartition, Long> end) {
		return partitions.stream()
			.allMatch(partition -> consumer.position(partition) >= end.getOrDefault(partition, 0L));
	}

	ConsumerRecords<byte[], byte[]> poll() {
		return consumer.poll(poll);
	}

	/** The records between the positions and the topic's end now. */
	long lag() {
		Map<TopicPartition, Long> end = endOffsets();
		return partitions.stream()
			.mapToLong(partition -> Math.max(0, end.getOrDefault(partition, 0L) - consumer.position(partition)))
			.sum();
	}

	/** Stops a {@link #poll()} in progress (from another thread). */
	void wakeup() {
		consumer.wakeup();
	}

	/**
	 * The record as the Stream binder hands it to the live consumer: the payload and the
	 * record's headers.
	 */
	static Message<byte[]> message(ConsumerRecord<byte[], byte[]> record) {
		MessageBuilder<byte[]> message = MessageBuilder
			.withPayload(record.value() == null ? new byte[0] : record.value());
		for (Header header : record.headers()) {
			message.setHeader(header.key(), header.value());
		}
		return message.build();
	}

	@Override
	public void close() {
		consumer.close();
	}

}
