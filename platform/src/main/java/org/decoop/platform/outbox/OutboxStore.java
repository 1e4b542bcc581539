package org.decoop.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.ReadConcern;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;

/**
 * The relay's side of MongoDB: which aggregates have events waiting, their claims
 * ({@link OutboxClaims}), their events, and what is done with the events once sent.
 * <p>
 * It reads with majority read concern: what the relay publishes is acknowledged by a
 * majority of the replica set and survives a failover or a crash (never a phantom event
 * for a rolled-back write). Every query but the sweep's names documents by id.
 */
class OutboxStore {

	private static final String EVENT_ID = "eventId";

	private final MongoTemplate mongo;

	private final OutboxClaims claims;

	OutboxStore(MongoTemplate mongo) {
		this.mongo = mongo;
		this.claims = new OutboxClaims(mongo);
	}

	/** The sparse index the sweep's query asks "has an outbox entry" through. */
	void ensureIndex(String collection) {
		mongo.execute(collection, documents -> documents
			.createIndex(Indexes.ascending(OutboxDocument.OUTBOX + "." + EVENT_ID), new IndexOptions().sparse(true)));
	}

	/**
	 * Ids of at most {@code limit} aggregates with events waiting: the sweep's query, the
	 * only one that is not by id.
	 */
	List<Object> waiting(String collection, int limit) {
		// execute answers what the callback does: here always a list
		return Objects.requireNonNull(mongo.execute(collection,
				documents -> documents.withReadConcern(ReadConcern.MAJORITY)
					.find(Filters.exists(OutboxDocument.OUTBOX + "." + EVENT_ID))
					.projection(Projections.include("_id"))
					.limit(limit)
					.map(document -> document.get("_id"))
					.into(new ArrayList<>())));
	}

	/**
	 * Claims the aggregates until {@code until}: those nobody holds and those whose claim
	 * ran out before {@code now}, so two relays never relay the same one at once.
	 */
	Claim claim(String collection, List<Object> ids, Instant now, Instant until) {
		Date held = Date.from(until);
		return new Claim(collection, claims.claim(collection, ids, held, now), held);
	}

	/** Ends the claim of aggregates whose events are all out (or gone). */
	void release(Claim claim, List<Object> ids) {
		claims.release(claim.collection(), ids, claim.until());
	}

	/**
	 * Keeps the claim of aggregates whose send failed until {@code retryAt}: a back-off
	 * before the next try.
	 */
	void backOff(Claim claim, List<Object> ids, Instant retryAt) {
		claims.extend(claim.collection(), ids, claim.until(), Date.from(retryAt));
	}

	/**
	 * The events waiting in the claimed aggregates, oldest first, by aggregate id; an
	 * aggregate gone meanwhile is left out. Majority read: an event goes out only once
	 * its write cannot roll back.
	 */
	Map<Object, List<OutboxEvent>> pending(Claim claim) {
		List<Document> found = Objects.requireNonNull(mongo.execute(claim.collection(),
				documents -> documents.withReadConcern(ReadConcern.MAJORITY)
					.find(Filters.in("_id", claim.ids()))
					.projection(Projections.include(OutboxDocument.OUTBOX))
					.into(new ArrayList<>())));
		Map<Object, List<OutboxEvent>> pending = new LinkedHashMap<>();
		// every MongoDB document has an _id
		found.forEach(document -> pending.put(Objects.requireNonNull(document.get("_id")), outboxOf(document)));
		return pending;
	}

	/**
	 * Removes the acknowledged events from their documents, in one bulk write: they are
	 * on the topic.
	 */
	void markSent(String collection, Map<Object, List<String>> sent) {
		List<UpdateOneModel<Document>> pulls = sent.entrySet()
			.stream()
			.filter(aggregate -> !aggregate.getValue().isEmpty())
			.map(aggregate -> new UpdateOneModel<Document>(Filters.eq("_id", aggregate.getKey()),
					Updates.pull(OutboxDocument.OUTBOX, Filters.in(EVENT_ID, aggregate.getValue()))))
			.toList();
		if (!pulls.isEmpty()) {
			mongo.execute(collection, documents -> documents.bulkWrite(pulls, new BulkWriteOptions().ordered(false)));
		}
	}

	/**
	 * Moves a refused event from the outbox to {@code outboxParked}, with the reason, for
	 * an operator to see.
	 */
	void park(String collection, Object id, OutboxEvent event, String reason, Instant at) {
		Document parked = new Document(EVENT_ID, event.eventId()).append("type", event.type())
			.append("subject", event.subject())
			.append("time", Date.from(event.time()))
			.append("data", event.data())
			.append("authType", event.authType())
			.append("authId", event.authId())
			.append("reason", reason)
			.append("parkedAt", Date.from(at));
		mongo.execute(collection,
				documents -> documents.updateOne(Filters.eq("_id", id),
						Updates.combine(Updates.pull(OutboxDocument.OUTBOX, Filters.eq(EVENT_ID, event.eventId())),
								Updates.push(OutboxDocument.PARKED, parked))));
	}

	private static List<OutboxEvent> outboxOf(Document document) {
		return document.getList(OutboxDocument.OUTBOX, Document.class, List.of())
			.stream()
			.map(entry -> new OutboxEvent(entry.getString(EVENT_ID), entry.getString("type"),
					entry.getString("subject"), entry.getDate("time").toInstant(), entry.getString("data"),
					entry.getString("authType"), entry.getString("authId"), entry.getString("traceparent")))
			.toList();
	}

	/** Aggregates of {@code collection} this relay holds until {@code until}. */
	record Claim(String collection, List<Object> ids, Date until) {
	}

}
