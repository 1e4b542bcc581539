package org.decoop.platform.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.decoop.platform.domain.DoesNotExist;
import org.decoop.platform.domain.StateConflict;
import org.decoop.platform.StartupWork;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The records this service's consumers parked, for an operator: listed with the reason,
 * and replayed, one or all, to the consumer that parked them once the cause is fixed. A
 * replay goes through the consumer's idempotent guard, so replaying twice applies nothing
 * twice; each replay is remembered (who, when, the outcome) in
 * {@code dead_letter_replays}.
 */
public class DeadLetters extends StartupWork {

	static final String REPLAYS = "dead_letter_replays";

	/**
	 * A replay's record is of use while its parked record is in the dead-letter topic
	 * (Kafka's retention, 7 days by default).
	 */
	static final Duration REPLAYS_KEPT = Duration.ofDays(14);

	private static final Duration POLL = Duration.ofMillis(500);

	private static final int MAX_LISTED = 500;

	private final Map<String, DeadLetterSource> sources = new HashMap<>();

	private final Supplier<Consumer<byte[], byte[]>> consumers;

	private final MongoTemplate mongo;

	private final Clock clock;

	public DeadLetters(List<DeadLetterSource> sources, Supplier<Consumer<byte[], byte[]>> consumers,
			MongoTemplate mongo, Clock clock) {
		sources.forEach(source -> this.sources.put(source.topic(), source));
		this.consumers = consumers;
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	protected void setUp() {
		mongo.indexOps(REPLAYS).createIndex(new Index("at", Sort.Direction.ASC).expire(REPLAYS_KEPT).named("expiry"));
	}

	/** A parked record as an operator reads it. */
	public record Parked(String topic, long offset, @Nullable String key, @Nullable String eventId,
			@Nullable String eventType, @Nullable String source, @Nullable String reason, Instant parkedAt,
			@Nullable Instant replayedAt, @Nullable String replayOutcome) {
	}

	/** What a replay did. */
	public record Replayed(String topic, long offset, @Nullable String eventId, String outcome) {
	}

	/**
	 * Every parked record of every consumer of this service, oldest first (at most 500
	 * per topic).
	 */
	public List<Parked> list() {
		List<Parked> parked = new ArrayList<>();
		for (String topic : sources.keySet().stream().sorted().toList()) {
			List<ConsumerRecord<byte[], byte[]>> records = read(topic, 0, MAX_LISTED);
			// the replays of these records, in one query
			Map<String, Document> replays = new HashMap<>();
			mongo
				.find(Query.query(Criteria.where("_id").in(records.stream().map(DeadLetters::idOf).toList())),
						Document.class, REPLAYS)
				.forEach(replay -> replays.put(replay.getString("_id"), replay));
			records.forEach(record -> parked.add(describe(record, Optional.ofNullable(replays.get(idOf(record))))));
		}
		return parked;
	}

	/**
	 * Gives the record at {@code offset} of a dead-letter topic to its consumer again.
	 */
	public Replayed replay(String topic, long offset, String operator) {
		DeadLetterSource source = source(topic);
		ConsumerRecord<byte[], byte[]> record = read(topic, offset, 1).stream()
			.filter(found -> found.offset() == offset)
			.findFirst()
			.orElseThrow(() -> new DoesNotExist("Dead letter", topic + "@" + offset));
		return replay(source, record, operator);
	}

	private Replayed replay(DeadLetterSource source, ConsumerRecord<byte[], byte[]> record, String operator) {
		String eventId = header(record, "ce_id").orElse(null);
		try {
			source.consumer().accept(message(record));
		}
		catch (RuntimeException e) {
			String reason = String.valueOf(NestedExceptionUtils.getMostSpecificCause(e).getMessage());
			remember(record, operator, "refused again: " + reason);
			throw new StateConflict("The record is refused again: " + reason);
		}
		remember(record, operator, "applied");
		return new Replayed(record.topic(), record.offset(), eventId,
				"applied (an event already applied changes nothing)");
	}

	/**
	 * Replays every record of a dead-letter topic; those refused again stay parked and
	 * are counted.
	 */
	public List<Replayed> replayAll(String topic, String operator) {
		DeadLetterSource source = source(topic);
		List<Replayed> outcomes = new ArrayList<>();
		for (ConsumerRecord<byte[], byte[]> record : read(topic, 0, MAX_LISTED)) {
			try {
				outcomes.add(replay(source, record, operator));
			}
			catch (StateConflict refused) {
				outcomes.add(new Replayed(topic, record.offset(), header(record, "ce_id").orElse(null),
						refused.getMessage()));
			}
		}
		return outcomes;
	}

	private DeadLetterSource source(String topic) {
		DeadLetterSource source = sources.get(topic);
		if (source == null) {
			throw new DoesNotExist("Dead-letter topic", topic);
		}
		return source;
	}

	/**
	 * Up to {@code limit} records from {@code offset} of the (one-partition) topic,
	 * without a consumer group.
	 */
	private List<ConsumerRecord<byte[], byte[]>> read(String topic, long offset, int limit) {
		TopicPartition partition = new TopicPartition(topic, 0);
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		try (Consumer<byte[], byte[]> consumer = consumers.get()) {
			consumer.assign(List.of(partition));
			// the answer names every partition asked for
			long end = consumer.endOffsets(List.of(partition)).getOrDefault(partition, 0L);
			consumer.seek(partition, offset);
			while (records.size() < limit && consumer.position(partition) < end) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
					if (records.size() < limit) {
						records.add(record);
					}
				}
			}
		}
		return records;
	}

	private static Parked describe(ConsumerRecord<byte[], byte[]> record, Optional<Document> replay) {
		return new Parked(record.topic(), record.offset(),
				record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
				header(record, "ce_id").orElse(null), header(record, "ce_type").orElse(null),
				header(record, "ce_source").orElse(null), header(record, "kafka_dlt-exception-message").orElse(null),
				Instant.ofEpochMilli(record.timestamp()),
				replay.map(found -> found.getDate("at").toInstant()).orElse(null),
				replay.map(found -> found.getString("outcome")).orElse(null));
	}

	private void remember(ConsumerRecord<byte[], byte[]> record, String operator, String outcome) {
		mongo.save(new Document("_id", idOf(record)).append("at", Date.from(clock.instant()))
			.append("by", operator)
			.append("outcome", outcome), REPLAYS);
	}

	private static String idOf(ConsumerRecord<?, ?> record) {
		return record.topic() + "@" + record.offset();
	}

	private static Message<byte[]> message(ConsumerRecord<byte[], byte[]> record) {
		MessageBuilder<byte[]> message = MessageBuilder
			.withPayload(record.value() == null ? new byte[0] : record.value());
		for (Header header : record.headers()) {
			if (!header.key().startsWith("kafka_dlt-")) {
				message.setHeader(header.key(), header.value());
			}
		}
		return message.build();
	}

	private static Optional<String> header(ConsumerRecord<?, ?> record, String name) {
		return Optional.ofNullable(record.headers().lastHeader(name))
			.map(header -> new String(header.value(), StandardCharsets.UTF_8));
	}

}
