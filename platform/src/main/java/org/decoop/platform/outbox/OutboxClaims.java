package org.decoop.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;

/**
 * Which relay holds which aggregate, in a collection of its own ({@code outbox_claims},
 * one document per claimed aggregate, removed when its events are out): a claim is an
 * insert, so it is decided by the unique {@code _id} and the collection stays as small as
 * the work in flight.
 */
class OutboxClaims {

	static final String COLLECTION = "outbox_claims";

	private static final String UNTIL = "until";

	/** Duplicate key: another relay holds the claim. */
	private static final int DUPLICATE_KEY = 11000;

	private final MongoTemplate mongo;

	OutboxClaims(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Claims the aggregates of {@code collection} until {@code until}: those nobody
	 * holds, and those whose claim ran out before {@code now} (a relay that crashed).
	 * @return the ids claimed
	 */
	List<Object> claim(String collection, List<Object> ids, Date until, Instant now) {
		List<Document> claims = ids.stream()
			.map(id -> new Document("_id", key(collection, id)).append(UNTIL, until))
			.toList();
		// execute answers what the callback does: here always a set
		Set<Integer> held = Objects.requireNonNull(mongo.execute(COLLECTION, documents -> {
			Set<Integer> taken = new HashSet<>();
			try {
				documents.insertMany(claims, new InsertManyOptions().ordered(false));
			}
			catch (MongoBulkWriteException e) {
				for (BulkWriteError error : e.getWriteErrors()) {
					if (error.getCode() != DUPLICATE_KEY) {
						throw e;
					}
					taken.add(error.getIndex());
				}
			}
			return taken;
		}));
		List<Object> claimed = new ArrayList<>(ids.size());
		for (int i = 0; i < ids.size(); i++) {
			if (!held.contains(i) || takeOver(collection, ids.get(i), until, now)) {
				claimed.add(ids.get(i));
			}
		}
		return claimed;
	}

	/**
	 * Ends the claims of aggregates whose events are all out, while they are still this
	 * relay's ({@code claim}), never another's that took over.
	 */
	void release(String collection, List<Object> ids, Date claim) {
		if (!ids.isEmpty()) {
			// not by id alone: this scans outbox_claims, which holds only the claims in
			// flight
			mongo.execute(COLLECTION, documents -> documents
				.deleteMany(Filters.and(Filters.in("_id", keys(collection, ids)), Filters.eq(UNTIL, claim))));
		}
	}

	/**
	 * Keeps this relay's claims of aggregates whose send failed until {@code until}: a
	 * back-off before the next try.
	 */
	void extend(String collection, List<Object> ids, Date claim, Date until) {
		if (!ids.isEmpty()) {
			mongo.execute(COLLECTION,
					documents -> documents.updateMany(
							Filters.and(Filters.in("_id", keys(collection, ids)), Filters.eq(UNTIL, claim)),
							Updates.set(UNTIL, until)));
		}
	}

	private static List<String> keys(String collection, List<Object> ids) {
		return ids.stream().map(id -> key(collection, id)).toList();
	}

	private boolean takeOver(String collection, Object id, Date until, Instant now) {
		// scans outbox_claims, which holds only the claims in flight
		return mongo.execute(COLLECTION,
				documents -> documents.findOneAndUpdate(
						Filters.and(Filters.eq("_id", key(collection, id)), Filters.lt(UNTIL, Date.from(now))),
						Updates.set(UNTIL, until))) != null;
	}

	private static String key(String collection, Object id) {
		return collection + ":" + id;
	}

}
