package org.decoop.platform.readmodel;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A service's own copy of another service's aggregates, kept from their events: one document per
 * aggregate, written only by an event newer than what is stored (by the aggregate's version, which
 * the events carry). Duplicates and out-of-order deliveries therefore leave the newest state in
 * place, and no processed-event log is needed.
 */
public final class VersionedReadModel {

    /** The field that holds the aggregate's version in each document. */
    public static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final String collection;

    public VersionedReadModel(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /**
     * Stores {@code state} as version {@code version} of aggregate {@code id}, unless the same or a
     * newer version is already stored.
     */
    public void apply(String id, long version, Update state) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(id).and(VERSION).lt(version));
        try {
            mongo.upsert(olderOrMissing, state.set(VERSION, version), collection);
        }
        catch (DuplicateKeyException sameOrNewerVersionStored) {
            // The upsert found no older version and tried to insert beside a newer one: nothing to do.
        }
    }

    public Optional<Document> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, collection));
    }

    public List<Document> byIds(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, collection);
    }
}
