package org.decoop.plan.fundingcall;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.decoop.events.FundingSource;
import org.decoop.events.Theme;
import org.decoop.plan.fundingcall.domain.FundingCall;
import org.decoop.plan.fundingcall.domain.FundingCallAlreadyExists;
import org.decoop.plan.fundingcall.domain.FundingCallId;
import org.decoop.plan.fundingcall.domain.FundingCallStatus;
import org.decoop.platform.aggregate.AggregateRepository;
import org.decoop.platform.mongo.MongoPages;
import org.decoop.platform.outbox.AggregateStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The stored funding calls. Saving a call stores its new state and its events in one
 * write. Other features read calls through {@link FundingCallLookup}, never from here.
 */
@Component
class FundingCalls extends AggregateRepository<FundingCall, FundingCallId, FundingCallDocument> {

	private static final Sort SOONEST_DEADLINE_FIRST = Sort.by(Sort.Order.asc("closesOn"), Sort.Order.asc("_id"));

	FundingCalls(MongoTemplate mongo, AggregateStore store) {
		super(mongo, store, FundingCallDocument.class, "Funding call", FundingCallDocument::of,
				FundingCallDocument::toDomain);
	}

	/**
	 * Stores a new call; a call with the same code is refused (the unique index decides,
	 * even between replicas).
	 */
	@Override
	public FundingCall add(FundingCall call) {
		try {
			return super.add(call);
		}
		catch (DuplicateKeyException e) {
			throw new FundingCallAlreadyExists(call.code());
		}
	}

	/** The known calls among {@code ids}, by id; unknown ids are absent from the map. */
	Map<String, FundingCall> byIds(Collection<String> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return mongo.find(Query.query(Criteria.where("_id").in(ids)), FundingCallDocument.class)
			.stream()
			.map(FundingCallDocument::toDomain)
			.collect(Collectors.toMap(call -> call.id().value(), Function.identity()));
	}

	/**
	 * One page of the calls matching every filter given, soonest deadline first. The
	 * status is the calls' dates compared with {@code today} (ISO dates compare as text).
	 */
	Page<FundingCall> search(FundingCallStatus status, Theme theme, FundingSource funder, String code, LocalDate today,
			int page, int size) {
		Criteria criteria = new Criteria();
		String day = today.toString();
		if (status != null) {
			switch (status) {
				case UPCOMING -> criteria.and("opensOn").gt(day);
				case OPEN -> criteria.and("opensOn").lte(day).and("closesOn").gte(day);
				case CLOSED -> criteria.and("closesOn").lt(day);
			}
		}
		if (theme != null) {
			criteria.and("themes").is(theme);
		}
		if (funder != null) {
			criteria.and("funder").is(funder);
		}
		if (code != null) {
			criteria.and("code").is(code);
		}
		return MongoPages
			.find(mongo, criteria, PageRequest.of(page, size, SOONEST_DEADLINE_FIRST), FundingCallDocument.class)
			.map(FundingCallDocument::toDomain);
	}

	/**
	 * Calls whose deadline may have to be announced on {@code today}: not yet announced
	 * closed, and past their deadline, or within {@code closingSoonDays} of it without a
	 * "closing soon" yet. Soonest deadline first, then by id: always the same order. The
	 * calls in {@code skipped} (seen earlier in the same pass) are left out. Documents,
	 * not calls: the caller rebuilds each one on its own, so that one it cannot read
	 * holds up no other.
	 */
	List<FundingCallDocument> deadlineDue(LocalDate today, int closingSoonDays, Collection<String> skipped, int limit) {
		Criteria pastDeadline = Criteria.where("closesOn").lt(today.toString());
		Criteria closingSoon = Criteria.where("closingSoonAnnounced")
			.is(false)
			.and("closesOn")
			.lte(today.plusDays(closingSoonDays).toString());
		Criteria due = Criteria.where("closedAnnounced").is(false).orOperator(pastDeadline, closingSoon);
		if (!skipped.isEmpty()) {
			due.and("_id").nin(skipped);
		}
		// the index deadline_due holds the closesOn order; calls leave the due set once
		// announced, so
		// the few with the same closesOn are put in _id order in memory
		return mongo.find(Query.query(due).with(SOONEST_DEADLINE_FIRST).limit(limit), FundingCallDocument.class);
	}

}
