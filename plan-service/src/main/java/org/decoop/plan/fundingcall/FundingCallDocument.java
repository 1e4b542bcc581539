package org.decoop.plan.fundingcall;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.decoop.events.FundingSource;
import org.decoop.events.Theme;
import org.decoop.plan.fundingcall.domain.FundingCall;
import org.decoop.plan.fundingcall.domain.FundingCallId;
import org.decoop.platform.outbox.OutboxDocument;
import org.decoop.platform.outbox.Outbox;
import org.decoop.events.Sources;
import org.decoop.events.Topics;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a funding call is stored. Dates are ISO text (they compare as text, free of
 * time-zone shifts), the grant is in euro cents, the rate is its decimal text (kept
 * exactly).
 */
@Document(FundingCallDocument.COLLECTION)
// funding call events wait in it; the relay publishes them on plan-events, keyed by call
// id
@Outbox(topic = Topics.PLAN_EVENTS, source = Sources.PLAN_SERVICE)
// each list is answered from an index that also holds its order (soonest deadline first);
// the
// deadline job asks for the calls whose deadline is yet to be announced
@CompoundIndexes({ @CompoundIndex(name = FundingCallDocument.BY_CLOSES_ON, def = "{'closesOn': 1, '_id': 1}"),
		@CompoundIndex(name = "by_theme", def = "{'themes': 1, 'closesOn': 1, '_id': 1}"),
		@CompoundIndex(name = "by_funder", def = "{'funder': 1, 'closesOn': 1, '_id': 1}"),
		@CompoundIndex(name = "deadline_due", def = "{'closedAnnounced': 1, 'closesOn': 1}") })
// Spring Data sets the fields of a document it reads; of() sets them for one it writes
@SuppressWarnings("NullAway.Init")
class FundingCallDocument extends OutboxDocument {

	static final String COLLECTION = "funding_calls";
	static final String BY_CODE = "by_code";
	static final String BY_CLOSES_ON = "by_closes_on";

	@Indexed(name = BY_CODE, unique = true)
	String code;

	String title;

	FundingSource funder;

	List<Theme> themes;

	List<String> eligibleCountries;

	String opensOn;

	String closesOn;

	long maxGrantEurCents;

	String maxCoFinancingRate;

	Instant publishedAt;

	String publishedBy;

	boolean closingSoonAnnounced;

	boolean closedAnnounced;

	FundingCallDocument() {
	}

	private FundingCallDocument(String id) {
		super(id, null);
	}

	/** The call's state; its version and events are written by the store. */
	static FundingCallDocument of(FundingCall call) {
		FundingCallDocument document = new FundingCallDocument(call.id().value());
		document.code = call.code();
		document.title = call.title();
		document.funder = call.funder();
		document.themes = List.copyOf(call.themes());
		document.eligibleCountries = List.copyOf(call.eligibleCountries());
		document.opensOn = call.opensOn().toString();
		document.closesOn = call.closesOn().toString();
		document.maxGrantEurCents = call.maxGrantEur().movePointRight(2).longValueExact();
		document.maxCoFinancingRate = call.maxCoFinancingRate().toPlainString();
		document.publishedAt = call.publishedAt();
		document.publishedBy = call.publishedBy();
		document.closingSoonAnnounced = call.closingSoonAnnounced();
		document.closedAnnounced = call.closedAnnounced();
		return document;
	}

	FundingCall toDomain() {
		return FundingCall.restore(new FundingCallId(getId()), getVersion(), code, title, funder, themes,
				eligibleCountries, LocalDate.parse(opensOn), LocalDate.parse(closesOn),
				BigDecimal.valueOf(maxGrantEurCents, 2), new BigDecimal(maxCoFinancingRate), publishedAt, publishedBy,
				closingSoonAnnounced, closedAnnounced);
	}

}
