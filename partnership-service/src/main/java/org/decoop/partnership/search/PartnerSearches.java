package org.decoop.partnership.search;

import java.time.LocalDate;
import java.util.List;

import org.decoop.events.Country;
import org.decoop.events.PartnerSearchStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.search.domain.PartnerSearch;
import org.decoop.partnership.search.domain.PartnerSearchId;
import org.decoop.platform.aggregate.AggregateRepository;
import org.decoop.platform.mongo.MongoPages;
import org.decoop.platform.mongo.SearchCriteria;
import org.decoop.platform.outbox.AggregateStore;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.jspecify.annotations.Nullable;

/**
 * The stored partner searches. Saving one stores its new state and its events in one
 * write.
 */
@Component
class PartnerSearches extends AggregateRepository<PartnerSearch, PartnerSearchId, PartnerSearchDocument> {

	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("openedAt"), Sort.Order.asc("_id"));

	PartnerSearches(MongoTemplate mongo, AggregateStore store) {
		super(mongo, store, PartnerSearchDocument.class, "Partner search", PartnerSearchDocument::of,
				PartnerSearchDocument::toDomain);
	}

	Page<PartnerSearch> search(@Nullable PartnerSearchStatus status, @Nullable Theme theme, @Nullable Country country,
			@Nullable LocalAuthorityId searcher, int page, int size) {
		Criteria criteria = SearchCriteria.of()
			.is("status", status)
			.is("themes", theme)
			.is("countries", country, Country::code)
			.is("localAuthority.id", searcher, LocalAuthorityId::value)
			.criteria();
		return MongoPages.find(mongo, criteria, PageRequest.of(page, size, NEWEST_FIRST), PartnerSearchDocument.class)
			.map(PartnerSearchDocument::toDomain);
	}

	/**
	 * OPEN searches whose last open day is before {@code today}, oldest first then by id
	 * (index {@code open_until}), a batch at a time.
	 */
	List<PartnerSearch> openUntilBefore(LocalDate today, int limit) {
		Query query = Query
			.query(Criteria.where("status").is(PartnerSearchStatus.OPEN).and("openUntil").lt(today.toString()))
			.with(Sort.by("openUntil", "_id"))
			.limit(limit);
		return mongo.find(query, PartnerSearchDocument.class).stream().map(PartnerSearchDocument::toDomain).toList();
	}

	/** OPEN searches that want a partner in {@code country}, the newest {@code limit}. */
	List<PartnerSearch> openWanting(Country country, int limit) {
		// a limit needs an order ending in a unique key, or MongoDB answers a
		// plan-dependent subset
		Query query = Query
			.query(Criteria.where("countries").is(country.code()).and("status").is(PartnerSearchStatus.OPEN))
			.with(NEWEST_FIRST)
			.limit(limit);
		return mongo.find(query, PartnerSearchDocument.class).stream().map(PartnerSearchDocument::toDomain).toList();
	}

}
