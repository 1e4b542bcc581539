package org.decoop.plan.plan;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bson.Document;
import org.decoop.events.FundingSource;
import org.decoop.events.PlanStatus;
import org.decoop.events.Theme;
import org.decoop.plan.plan.domain.Plan;
import org.decoop.plan.plan.domain.PlanId;
import org.decoop.plan.plan.domain.PlanStatistics;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The stored plans. Saving a plan stores its new state and its events in one write. */
@Component
class Plans extends AggregateRepository<Plan, PlanId, PlanDocument> {

	Plans(MongoTemplate mongo, AggregateStore store) {
		super(mongo, store, PlanDocument.class, "Plan", PlanDocument::of, PlanDocument::toDomain);
	}

	private static final Sort NEWEST_YEAR_FIRST = Sort.by(Sort.Order.desc("year"), Sort.Order.asc("_id"));

	Page<Plan> search(Integer year, PlanStatus status, Theme theme, String partnershipId, int page, int size) {
		PageRequest pageable = PageRequest.of(page, size, NEWEST_YEAR_FIRST);
		return MongoPages.find(mongo, criteria(year, status, theme, partnershipId), pageable, PlanDocument.class)
			.map(PlanDocument::toDomain);
	}

	/**
	 * Every plan the search finds, in the list's order, read from a cursor in batches:
	 * close the stream.
	 */
	Stream<Plan> all(Integer year, PlanStatus status, Theme theme, String partnershipId) {
		Query query = Query.query(criteria(year, status, theme, partnershipId))
			.with(NEWEST_YEAR_FIRST)
			.cursorBatchSize(100)
			.maxTime(CsvExport.QUERY_MAX_TIME);
		return mongo.stream(query, PlanDocument.class).map(PlanDocument::toDomain);
	}

	private static Criteria criteria(Integer year, PlanStatus status, Theme theme, String partnershipId) {
		return SearchCriteria.of()
			.is("year", year)
			.is("status", status)
			.is("themes", theme)
			.is("activities.partnershipIds", partnershipId)
			.criteria();
	}

	/**
	 * Plans counted by status, and the funding of their activities totalled by theme and
	 * by source, computed by the database. Cancelled plans are counted but fund nothing.
	 */
	PlanStatistics statistics(Integer year) {
		Criteria ofYear = year == null ? new Criteria() : Criteria.where("year").is(year);

		Map<PlanStatus, Long> byStatus = new EnumMap<>(PlanStatus.class);
		for (PlanStatus status : PlanStatus.values()) {
			byStatus.put(status, 0L);
		}
		aggregate(
				Aggregation.newAggregation(Aggregation.match(ofYear), Aggregation.group("status").count().as("count")))
			.forEach(row -> byStatus.put(PlanStatus.valueOf(row.getString("_id")), number(row, "count")));

		Criteria funded = new Criteria().andOperator(ofYear, Criteria.where("status").ne(PlanStatus.CANCELLED.name()));
		Map<Theme, BigDecimal> byTheme = new EnumMap<>(Theme.class);
		aggregate(Aggregation.newAggregation(Aggregation.match(funded), Aggregation.unwind("activities"),
				Aggregation.unwind("activities.funding"),
				Aggregation.group("activities.theme").sum("activities.funding.amountEurCents").as("cents")))
			.forEach(row -> byTheme.put(Theme.valueOf(row.getString("_id")), euros(row)));

		Map<FundingSource, BigDecimal> bySource = new EnumMap<>(FundingSource.class);
		for (FundingSource source : FundingSource.values()) {
			bySource.put(source, BigDecimal.ZERO.setScale(2));
		}
		aggregate(Aggregation.newAggregation(Aggregation.match(funded), Aggregation.unwind("activities"),
				Aggregation.unwind("activities.funding"),
				Aggregation.group("activities.funding.source").sum("activities.funding.amountEurCents").as("cents")))
			.forEach(row -> bySource.put(FundingSource.valueOf(row.getString("_id")), euros(row)));

		Map<String, BigDecimal> byCall = new TreeMap<>();
		aggregate(Aggregation.newAggregation(Aggregation.match(funded), Aggregation.unwind("activities"),
				Aggregation.unwind("activities.funding"),
				Aggregation.match(Criteria.where("activities.funding.callId").ne(null)),
				Aggregation.group("activities.funding.callId").sum("activities.funding.amountEurCents").as("cents")))
			.forEach(row -> byCall.put(row.getString("_id"), euros(row)));

		return new PlanStatistics(year, byStatus, byTheme, bySource,
				bySource.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add), byCall);
	}

	private List<Document> aggregate(Aggregation aggregation) {
		return mongo.aggregate(aggregation, PlanDocument.COLLECTION, Document.class).getMappedResults();
	}

	private static long number(Document row, String field) {
		return row.get(field, Number.class).longValue();
	}

	private static BigDecimal euros(Document row) {
		return BigDecimal.valueOf(number(row, "cents"), 2);
	}

}
