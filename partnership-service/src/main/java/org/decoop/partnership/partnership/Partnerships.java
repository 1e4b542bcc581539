package org.decoop.partnership.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.decoop.events.Country;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.partnership.domain.Partnership;
import org.decoop.partnership.partnership.domain.PartnershipId;
import org.decoop.platform.aggregate.AggregateRepository;
import org.decoop.platform.mongo.MongoPages;
import org.decoop.platform.mongo.SearchCriteria;
import org.decoop.platform.outbox.AggregateStore;
import org.decoop.platform.web.CsvExport;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.jspecify.annotations.Nullable;

/**
 * The stored partnerships. Saving a partnership stores its new state and its events in
 * one write.
 */
@Component
class Partnerships extends AggregateRepository<Partnership, PartnershipId, PartnershipDocument> {

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("establishedAt"), Sort.Order.asc("_id"));

	Partnerships(MongoTemplate mongo, AggregateStore store) {
		super(mongo, store, PartnershipDocument.class, "Partnership", PartnershipDocument::of,
				PartnershipDocument::toDomain);
	}

	/**
	 * ACTIVE partnerships whose last activity is before {@code cutoff}, a batch at a
	 * time.
	 */
	List<Partnership> activeWithoutActivitySince(LocalDate cutoff, int limit) {
		Query query = Query
			.query(Criteria.where("status").is(PartnershipStatus.ACTIVE).and("lastActivityOn").lt(cutoff.toString()))
			.limit(limit);
		return mongo.find(query, PartnershipDocument.class).stream().map(PartnershipDocument::toDomain).toList();
	}

	Page<Partnership> search(@Nullable PartnershipStatus status, @Nullable Country country, @Nullable Theme theme,
			@Nullable LocalAuthorityId localAuthorityId, int page, int size) {
		PageRequest pageable = PageRequest.of(page, size, NEWEST_FIRST);
		return MongoPages
			.find(mongo, criteria(status, country, theme, localAuthorityId), pageable, PartnershipDocument.class)
			.map(PartnershipDocument::toDomain);
	}

	/**
	 * Every partnership the search finds, in the same order, read from a cursor: memory
	 * holds one batch at a time however many there are. Close the stream.
	 */
	Stream<Partnership> all(@Nullable PartnershipStatus status, @Nullable Country country, @Nullable Theme theme,
			@Nullable LocalAuthorityId localAuthorityId) {
		Query query = Query.query(criteria(status, country, theme, localAuthorityId))
			.with(NEWEST_FIRST)
			.cursorBatchSize(500)
			.maxTime(CsvExport.QUERY_MAX_TIME);
		return mongo.stream(query, PartnershipDocument.class).map(PartnershipDocument::toDomain);
	}

	private static Criteria criteria(@Nullable PartnershipStatus status, @Nullable Country country,
			@Nullable Theme theme, @Nullable LocalAuthorityId localAuthorityId) {
		return SearchCriteria.of()
			.is("status", status)
			.is("partners.country", country, Country::code)
			.is("themes", theme)
			.is("partners.id", localAuthorityId, LocalAuthorityId::value)
			.criteria();
	}

}
