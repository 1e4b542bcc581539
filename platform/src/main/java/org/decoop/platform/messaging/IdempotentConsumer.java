package org.decoop.platform.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.decoop.platform.StartupWork;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Guards a consumer against redelivery: an event id already applied by this consumer is
 * skipped, so at-least-once delivery gives exactly-once effects. The applied ids live in
 * the service's {@code processed_events} collection, keyed by consumer and event id.
 * <p>
 * The mark is written after the effect: a crash between the two applies the event again
 * on redelivery, never loses it, so effects guarded here are written as upserts or
 * conditional updates that a second application leaves unchanged.
 */
public class IdempotentConsumer extends StartupWork {

	static final String COLLECTION = "processed_events";

	/**
	 * How long an applied id is kept: longer than a redelivery can come. A record comes
	 * again within moments (a rebalance, a restart before its offset was committed) or
	 * from its dead-letter topic (Kafka's default retention, 7 days). The event topics
	 * keep every event, but only an operator who moves a group's offsets back would read
	 * them again (docs/operations.md).
	 */
	public static final Duration RETENTION = Duration.ofDays(14);

	private final MongoTemplate mongo;

	public IdempotentConsumer(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	protected void setUp() {
		mongo.indexOps(COLLECTION)
			.createIndex(new Index("processedAt", Sort.Direction.ASC).expire(RETENTION).named("expiry"));
	}

	/**
	 * Runs {@code effect} unless {@code consumer} already applied {@code eventId}.
	 * @return true when the effect ran, false for a duplicate
	 */
	public boolean applyOnce(String consumer, String eventId, Runnable effect) {
		String key = consumer + ":" + eventId;
		// a find by _id, answered from the _id index
		if (mongo.findById(key, Document.class, COLLECTION) != null) {
			return false;
		}
		effect.run();
		try {
			mongo.insert(new Document("_id", key).append("consumer", consumer)
				.append("eventId", eventId)
				.append("processedAt", Date.from(Instant.now())), COLLECTION);
		}
		catch (DuplicateKeyException concurrentDuplicate) {
			// Another instance applied the same event at the same moment: the effect is
			// idempotent.
		}
		return true;
	}

}
