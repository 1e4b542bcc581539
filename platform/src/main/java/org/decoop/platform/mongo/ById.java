package org.decoop.platform.mongo;

import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

/**
 * Whether a document exists, asked as a find by {@code _id}. {@link MongoTemplate#exists} counts
 * ({@code countDocuments}, an aggregation), which mongo-java-server, the embedded store, answers by
 * reading the whole collection; a find by {@code _id} is answered from its index everywhere.
 */
public final class ById {

    private ById() {
    }

    public static boolean exists(MongoTemplate mongo, String collection, Object id) {
        return mongo.getCollection(collection).find(Filters.eq("_id", id)).projection(Projections.include("_id")).limit(1)
                .first() != null;
    }
}
