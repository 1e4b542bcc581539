package org.decoop.platform.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;

/**
 * Which relay holds which aggregate, in a collection of its own ({@code outbox_claims}, one
 * document per claimed aggregate, removed when its events are out): a claim is an insert, so it
 * is decided by the unique {@code _id} and the collection stays as small as the work in flight.
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
     * Claims the aggregates of {@code collection} until {@code until}: those nobody holds, and those
     * whose claim ran out before {@code now} (a relay that crashed).
     *
     * @return the ids claimed
     */
    List<Object> claim(String collection, List<Object> ids, Date until, Instant now) {
        List<Document> claims = ids.stream().map(id -> new Document("_id", key(collection, id)).append(UNTIL, until)).toList();
        Set<Integer> held = new HashSet<>();
        try {
            mongo.getCollection(COLLECTION).insertMany(claims, new InsertManyOptions().ordered(false));
        }
        catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCode() != DUPLICATE_KEY) {
                    throw e;
                }
                held.add(error.getIndex());
            }
        }
        List<Object> claimed = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            if (!held.contains(i) || takeOver(collection, ids.get(i), until, now)) {
                claimed.add(ids.get(i));
            }
        }
        return claimed;
    }

    /**
     * Ends the claims of aggregates whose events are all out, while they are still this relay's
     * ({@code claim}), never another's that took over.
     */
    void release(String collection, List<Object> ids, Date claim) {
        if (!ids.isEmpty()) {
            // not by id alone: this scans outbox_claims, which holds only the claims in flight
            mongo.remove(Query.query(Criteria.where("_id").in(keys(collection, ids)).and(UNTIL).is(claim)), COLLECTION);
        }
    }

    /** Keeps this relay's claims of aggregates whose send failed until {@code until}: a back-off before the next try. */
    void extend(String collection, List<Object> ids, Date claim, Date until) {
        if (!ids.isEmpty()) {
            mongo.updateMulti(Query.query(Criteria.where("_id").in(keys(collection, ids)).and(UNTIL).is(claim)),
                    Update.update(UNTIL, until), COLLECTION);
        }
    }

    private static List<String> keys(String collection, List<Object> ids) {
        return ids.stream().map(id -> key(collection, id)).toList();
    }

    private boolean takeOver(String collection, Object id, Date until, Instant now) {
        // scans outbox_claims, which holds only the claims in flight
        Query expired = Query.query(Criteria.where("_id").is(key(collection, id)).and(UNTIL).lt(Date.from(now)));
        return mongo.findAndModify(expired, Update.update(UNTIL, until), FindAndModifyOptions.options().returnNew(true),
                Document.class, COLLECTION) != null;
    }

    private static String key(String collection, Object id) {
        return collection + ":" + id;
    }
}
