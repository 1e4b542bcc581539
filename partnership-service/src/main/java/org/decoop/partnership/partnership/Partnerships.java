package org.decoop.partnership.partnership;

import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bson.Document;
import org.decoop.events.Country;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.partnership.domain.Partnership;
import org.decoop.partnership.partnership.domain.PartnershipId;
import org.decoop.partnership.partnership.domain.PartnershipStatistics;
import org.decoop.platform.aggregate.AggregateRepository;
import org.decoop.platform.mongo.MongoPages;
import org.decoop.platform.mongo.SearchCriteria;
import org.decoop.platform.outbox.AggregateStore;
import org.decoop.platform.web.CsvExport;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.mongodb.core.aggregation.ArrayOperators;
import org.springframework.data.mongodb.core.aggregation.ComparisonOperators;
import org.springframework.data.mongodb.core.aggregation.ConditionalOperators;
import org.springframework.data.mongodb.core.aggregation.Fields;
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

	/**
	 * The partnerships counted by status and by country then status, by the database (see
	 * {@link PartnershipStatistics} for which count in a year, and with what status).
	 */
	PartnershipStatistics statistics(@Nullable Integer year) {
		List<AggregationOperation> counted = year == null ? List.of() : countedIn(year);

		Map<PartnershipStatus, Long> byStatus = noneOfEachStatus();
		aggregate(counted, Aggregation.group("status").count().as("count"))
			.forEach(row -> byStatus.put(PartnershipStatus.valueOf(row.getString("_id")), count(row)));

		// one row per (partnership, country): two French partners count France once
		Map<String, Map<PartnershipStatus, Long>> byCountry = new TreeMap<>();
		aggregate(counted, Aggregation.unwind("partners"),
				Aggregation.group(Fields.from(Fields.field("partnership", "_id"),
						Fields.field("country", "partners.country"), Fields.field("status"))),
				Aggregation.group("country", "status").count().as("count"))
			.forEach(row -> {
				Document key = row.get("_id", Document.class);
				byCountry.computeIfAbsent(key.getString("country"), country -> noneOfEachStatus())
					.put(PartnershipStatus.valueOf(key.getString("status")), count(row));
			});

		return new PartnershipStatistics(year, byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus,
				byCountry);
	}

	/**
	 * The stages that keep the partnerships of {@code year} and set each one's
	 * {@code status} to what it was at the year's end.
	 */
	private static List<AggregationOperation> countedIn(int year) {
		Date start = Date.from(Year.of(year).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		Date end = Date.from(Year.of(year + 1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		Criteria begun = new Criteria().orOperator(Criteria.where("since").lte(year),
				new Criteria().andOperator(Criteria.where("since").is(null), Criteria.where("establishedAt").lt(end)));
		return List.of(Aggregation.match(begun),
				Aggregation.project("partners")
					.and(ArrayOperators.Filter.filter("history")
						.as("change")
						.by(ComparisonOperators.Lt.valueOf("change.at").lessThanValue(start)))
					.as("before")
					.and(ArrayOperators.Filter.filter("history")
						.as("change")
						.by(ComparisonOperators.Lt.valueOf("change.at").lessThanValue(end)))
					.as("through"),
				Aggregation.project("partners")
					.and(ArrayOperators.ArrayElemAt.arrayOf("before").elementAt(-1))
					.as("lastBefore")
					.and(ArrayOperators.ArrayElemAt.arrayOf("through").elementAt(-1))
					.as("lastThrough"),
				Aggregation.match(Criteria.where("lastBefore.status").ne(PartnershipStatus.ENDED.name())),
				// no change by the year's end: recorded later, dating from before
				Aggregation.project("partners")
					.and(ConditionalOperators.ifNull("lastThrough.status").then(PartnershipStatus.ACTIVE.name()))
					.as("status"));
	}

	private List<Document> aggregate(List<AggregationOperation> counted, AggregationOperation... counting) {
		List<AggregationOperation> stages = new ArrayList<>(counted);
		stages.addAll(List.of(counting));
		return mongo.aggregate(Aggregation.newAggregation(stages), PartnershipDocument.COLLECTION, Document.class)
			.getMappedResults();
	}

	private static Map<PartnershipStatus, Long> noneOfEachStatus() {
		Map<PartnershipStatus, Long> counts = new EnumMap<>(PartnershipStatus.class);
		for (PartnershipStatus status : PartnershipStatus.values()) {
			counts.put(status, 0L);
		}
		return counts;
	}

	private static long count(Document row) {
		return row.get("count", Number.class).longValue();
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
