package org.decoop.platform.mongo;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndexDefinition;
import org.springframework.data.mongodb.core.index.IndexDefinition;

/**
 * A unique index on {@code {_id, version}} for the collections written with optimistic locking.
 * MongoDB answers {@code {_id: x, version: n}} from the {@code _id} index alone, so there it is
 * redundant and cheap; mongo-java-server (the embedded store) uses an index only when a query
 * names exactly its keys, so without this one every conditional write scans the collection.
 */
public final class VersionIndex {

    private final MongoTemplate mongo;
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    public VersionIndex(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public static final String NAME = "_id_version";

    public void ensure(String collection) {
        if (ensured.add(collection)) {
            mongo.indexOps(collection).createIndex(definition());
        }
    }

    /** The index itself: unique on {@code {_id: 1, version: 1}}, named {@value #NAME}. */
    public static IndexDefinition definition() {
        return new CompoundIndexDefinition(new Document("_id", 1).append("version", 1)).unique().named(NAME);
    }
}
