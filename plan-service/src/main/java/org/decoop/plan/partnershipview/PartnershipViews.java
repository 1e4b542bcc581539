package org.decoop.plan.partnershipview;

import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.partnership.PartnershipEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * plan-service's own read model of partnerships. An event is applied only when it is newer
 * than what is stored (by the partnership's version, which every partnership event carries),
 * so duplicates and out-of-order deliveries leave the newest state in place.
 */
@Component
public class PartnershipViews {

    static final String COLLECTION = "partnership_views";

    private final MongoTemplate mongo;

    PartnershipViews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Applies the event unless the same or a newer version of the partnership is already stored. */
    public void apply(PartnershipEvent event) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(event.partnershipId()).and("version").lt(event.version()));
        Update update = new Update()
                .set("status", event.status().name())
                .set("version", event.version())
                .set("partnerIds", event.partners().stream().map(PartnershipEvent.Partner::id).toList())
                .set("countries", event.partners().stream().map(PartnershipEvent.Partner::country).distinct().toList())
                .set("themes", event.themes().stream().map(Enum::name).toList())
                .set("updatedAt", Date.from(event.occurredAt()));
        try {
            mongo.upsert(olderOrMissing, update, COLLECTION);
        }
        catch (DuplicateKeyException sameOrNewerVersionStored) {
            // The upsert found no older version and tried to insert beside a newer one: nothing to do.
        }
    }

    /** The known partnerships among {@code ids}, by id. */
    public Map<String, PartnershipView> byIds(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION).stream()
                .map(document -> new PartnershipView(document.getString("_id"),
                        PartnershipStatus.valueOf(document.getString("status")),
                        ((Number) document.get("version")).longValue()))
                .collect(Collectors.toMap(PartnershipView::id, Function.identity()));
    }
}
