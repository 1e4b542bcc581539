package org.decoop.partnership.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.decoop.events.Country;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.partnership.domain.Partnership;
import org.decoop.partnership.partnership.domain.PartnershipId;
import org.decoop.platform.mongo.MongoPages;
import org.decoop.platform.outbox.AggregateStore;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The stored partnerships. Saving a partnership stores its new state and its events in one write. */
@Component
class Partnerships {

    private final MongoTemplate mongo;
    private final AggregateStore store;

    Partnerships(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    Optional<Partnership> byId(PartnershipId id) {
        return Optional.ofNullable(mongo.findById(id.value(), PartnershipDocument.class)).map(PartnershipDocument::toDomain);
    }

    void add(Partnership partnership) {
        store.insert(PartnershipDocument.of(partnership, null), partnership.pullEvents());
    }

    /**
     * Saves a partnership read at {@code readVersion} after one change.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException when it changed meanwhile
     */
    void save(Partnership partnership, long readVersion) {
        store.update(PartnershipDocument.of(partnership, readVersion), readVersion, partnership.pullEvents());
    }

    /** ACTIVE partnerships whose last activity is before {@code cutoff}, a batch at a time. */
    List<Partnership> activeWithoutActivitySince(LocalDate cutoff, int limit) {
        Query query = Query.query(Criteria.where("status").is(PartnershipStatus.ACTIVE).and("lastActivityOn").lt(cutoff.toString()))
                .limit(limit);
        return mongo.find(query, PartnershipDocument.class).stream().map(PartnershipDocument::toDomain).toList();
    }

    Page<Partnership> search(PartnershipStatus status, Country country, Theme theme, LocalAuthorityId localAuthorityId,
            int page, int size) {
        Criteria criteria = new Criteria();
        if (status != null) {
            criteria.and("status").is(status);
        }
        if (country != null) {
            criteria.and("partners.country").is(country.code());
        }
        if (theme != null) {
            criteria.and("themes").is(theme);
        }
        if (localAuthorityId != null) {
            criteria.and("partners.id").is(localAuthorityId.value());
        }
        PageRequest pageable = PageRequest.of(page, size, Sort.by(Sort.Order.desc("establishedAt"), Sort.Order.asc("_id")));
        return MongoPages.find(mongo, criteria, pageable, PartnershipDocument.class).map(PartnershipDocument::toDomain);
    }
}
