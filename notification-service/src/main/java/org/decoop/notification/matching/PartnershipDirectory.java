package org.decoop.notification.matching;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.decoop.events.partnership.PartnershipEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * notification-service's read model of partnerships (partners, countries, themes), so that plan
 * events can be matched by the partners and countries of the partnerships they name. Applied by
 * the partnership's version: duplicates and reordering leave the newest state.
 */
@Component
class PartnershipDirectory {

    static final String COLLECTION = "partnership_views";

    private final MongoTemplate mongo;

    PartnershipDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A partnership as notifications describe it. */
    record PartnershipInfo(String id, List<PartnershipEvent.Partner> partners) {

        /** "Nevers (FR) – Sremska Mitrovica (RS)". */
        String name() {
            return partners.stream().map(p -> p.name() + " (" + p.country() + ")").collect(Collectors.joining(" – "));
        }
    }

    void apply(PartnershipEvent event) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(event.partnershipId()).and("version").lt(event.version()));
        Update update = new Update()
                .set("version", event.version())
                .set("status", event.status().name())
                .set("partners", event.partners().stream()
                        .map(p -> new Document("id", p.id()).append("name", p.name()).append("country", p.country())).toList())
                .set("themes", event.themes().stream().map(Enum::name).toList())
                .set("updatedAt", Date.from(event.occurredAt()));
        try {
            mongo.upsert(olderOrMissing, update, COLLECTION);
        }
        catch (DuplicateKeyException sameOrNewerVersionStored) {
            // nothing to do
        }
    }

    Map<String, PartnershipInfo> byIds(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION).stream()
                .map(document -> new PartnershipInfo(document.getString("_id"),
                        document.getList("partners", Document.class).stream()
                                .map(p -> new PartnershipEvent.Partner(p.getString("id"), p.getString("name"), p.getString("country")))
                                .toList()))
                .collect(Collectors.toMap(PartnershipInfo::id, Function.identity()));
    }
}
