package org.decoop.notification.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.decoop.notification.notification.domain.Delivery;
import org.decoop.notification.notification.domain.DeliveryId;
import org.decoop.notification.notification.domain.DeliveryStatus;
import org.decoop.platform.aggregate.AggregateRepository;
import org.decoop.platform.outbox.AggregateStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The stored deliveries, and the queue of those still pending. The queue
 * ({@code delivery_queue}: a delivery id and when to look at it next) holds pending
 * deliveries only, so finding the due ones never reads the whole notification history.
 * The delivery is the truth and the queue a hint derived from it after every save: a
 * queue entry left stale by a crash is put right the next time a worker looks at it, and
 * a pending delivery missing from it is put back at start.
 */
@NamedInterface("api")
@Component
public class Deliveries extends AggregateRepository<Delivery, DeliveryId, DeliveryDocument> {

	static final String QUEUE = "delivery_queue";

	/**
	 * The queue is read by due time: its index is made at start by {@link Notifications}.
	 */
	static final String DUE_AT = "dueAt";

	private static final String VERSION = "version";

	Deliveries(MongoTemplate mongo, AggregateStore store) {
		super(mongo, store, DeliveryDocument.class, "Delivery", DeliveryDocument::of, DeliveryDocument::toDomain);
	}

	/**
	 * The ids of up to {@code limit} deliveries to look at now, the longest due first.
	 */
	public List<DeliveryId> due(Instant now, int limit) {
		return mongo
			.find(Query.query(Criteria.where(DUE_AT).lte(now)).with(Sort.by(DUE_AT)).limit(limit), Document.class,
					QUEUE)
			.stream()
			.map(entry -> new DeliveryId(entry.getString("_id")))
			.toList();
	}

	/**
	 * Claims a delivery for one attempt until {@code until}; empty when it is not due
	 * (anymore), or another worker claimed it first.
	 */
	public Optional<Delivery> claim(DeliveryId id, Instant now, Instant until) {
		Optional<Delivery> found = find(id);
		if (found.isEmpty() || !found.get().isDue(now)) {
			found.ifPresentOrElse(this::enqueue, () -> dequeue(id));
			return Optional.empty();
		}
		Delivery delivery = found.get();
		delivery.claim(now, until);
		try {
			return Optional.of(save(delivery));
		}
		catch (OptimisticLockingFailureException anotherWorkerWasFaster) {
			return Optional.empty();
		}
	}

	/** Saves the delivery, then its place in the queue. */
	@Override
	public Delivery save(Delivery delivery) {
		super.save(delivery);
		enqueue(delivery);
		return delivery;
	}

	/**
	 * Puts every pending delivery in the queue: those a crash left out of it (between
	 * storing and queueing).
	 */
	public void enqueuePending() {
		mongo.find(Query.query(Criteria.where("status").is(DeliveryStatus.PENDING)), DeliveryDocument.class)
			.forEach(document -> enqueue(document.toDomain()));
	}

	/**
	 * Queues a delivery to look at when it is due, or when its claim runs out; a finished
	 * one leaves the queue. Each entry carries the version it derives from and is only
	 * replaced by a newer one: a worker that finishes late never drops the entry of a
	 * retry made meanwhile.
	 */
	void enqueue(Delivery delivery) {
		Criteria notNewer = Criteria.where("_id").is(delivery.id().value()).and(VERSION).lte(delivery.version());
		if (delivery.status() != DeliveryStatus.PENDING) {
			mongo.remove(Query.query(notNewer), QUEUE);
			return;
		}
		Instant dueAt = delivery.claimedUntil()
			.filter(claim -> delivery.nextAttemptAt().map(claim::isAfter).orElse(true))
			.or(delivery::nextAttemptAt)
			.orElseThrow();
		try {
			mongo.upsert(Query.query(notNewer), Update.update(DUE_AT, dueAt).set(VERSION, delivery.version()), QUEUE);
		}
		catch (DuplicateKeyException newerEntry) {
			// a newer version of the delivery queued itself already
		}
	}

	/** Queues a delivery just stored (version 0), due at {@code dueAt}. */
	void enqueueNew(DeliveryId id, Instant dueAt) {
		mongo.upsert(Query.query(Criteria.where("_id").is(id.value())), Update.update(DUE_AT, dueAt).set(VERSION, 0L),
				QUEUE);
	}

	/**
	 * Queues a stored delivery due at {@code dueAt} unless it is queued already
	 * ({@code $setOnInsert}): a redelivered event puts back what a failure after the
	 * insert left out, and never moves the entry of a delivery claimed or retried
	 * meanwhile.
	 */
	void enqueueIfAbsent(DeliveryId id, Instant dueAt) {
		mongo.upsert(Query.query(Criteria.where("_id").is(id.value())),
				new Update().setOnInsert(DUE_AT, dueAt).setOnInsert(VERSION, 0L), QUEUE);
	}

	private void dequeue(DeliveryId id) {
		mongo.remove(Query.query(Criteria.where("_id").is(id.value())), QUEUE);
	}

}
