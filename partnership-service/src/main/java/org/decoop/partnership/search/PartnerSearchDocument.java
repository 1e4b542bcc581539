package org.decoop.partnership.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.decoop.events.Country;
import org.decoop.events.LocalAuthorityKind;
import org.decoop.events.PartnerSearchStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.domain.LocalAuthority;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.search.domain.Closure;
import org.decoop.partnership.search.domain.PartnerSearch;
import org.decoop.partnership.search.domain.PartnerSearchId;
import org.decoop.platform.mongo.RetiredIndexes;
import org.decoop.platform.outbox.OutboxDocument;
import org.decoop.platform.outbox.Outbox;
import org.decoop.events.Sources;
import org.decoop.events.Topics;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.jspecify.annotations.Nullable;

/**
 * How a partner search is stored: its state, the searcher as it was when it opened, and
 * (in the base class) its version and unpublished events. Each list is answered from an
 * index that holds its order (newest first); see QueryIndexesTest.
 */
@Document(PartnerSearchDocument.COLLECTION)
// partner search events wait in it; the relay publishes them beside the partnership
// events
@Outbox(topic = Topics.PARTNERSHIP_EVENTS, source = Sources.PARTNERSHIP_SERVICE)
@CompoundIndexes({ @CompoundIndex(name = "newest", def = "{'openedAt': -1, '_id': 1}"),
		@CompoundIndex(name = "by_status", def = "{'status': 1, 'openedAt': -1, '_id': 1}"),
		@CompoundIndex(name = "by_theme", def = "{'themes': 1, 'openedAt': -1, '_id': 1}"),
		@CompoundIndex(name = "by_country", def = "{'countries': 1, 'openedAt': -1, '_id': 1}"),
		@CompoundIndex(name = "by_searcher", def = "{'localAuthority._id': 1, 'openedAt': -1, '_id': 1}"),
		@CompoundIndex(name = "open_until", def = "{'status': 1, 'openUntil': 1, '_id': 1}") })
// "expiry" had no _id: the expiry job's batches came in a plan-dependent order on ties
@RetiredIndexes("expiry")
// Spring Data sets the fields of a document it reads; of() sets them for one it writes
@SuppressWarnings("NullAway.Init")
class PartnerSearchDocument extends OutboxDocument {

	static final String COLLECTION = "partner_searches";

	PartnerSearchStatus status;

	SearcherEntry localAuthority;

	List<Theme> themes;

	List<String> countries;

	String description;

	/**
	 * ISO date kept as text: no time-zone shift between Java and BSON dates, and it
	 * sorts.
	 */
	String openUntil;

	Instant openedAt;

	String openedBy;

	/** Absent while OPEN. */
	@Nullable ClosureEntry closure;

	PartnerSearchDocument() {
	}

	private PartnerSearchDocument(String id) {
		super(id, null);
	}

	static PartnerSearchDocument of(PartnerSearch search) {
		PartnerSearchDocument document = new PartnerSearchDocument(search.id().value());
		LocalAuthority searcher = search.searcher();
		document.status = search.status();
		document.localAuthority = new SearcherEntry(searcher.id().value(), searcher.code(), searcher.name(),
				searcher.country().code(), searcher.kind(), searcher.population());
		document.themes = List.copyOf(search.themes());
		document.countries = search.countries().stream().map(Country::code).toList();
		document.description = search.description();
		document.openUntil = search.openUntil().toString();
		document.openedAt = search.openedAt();
		document.openedBy = search.openedBy();
		document.closure = search.closure()
			.map(closure -> new ClosureEntry(closure.at(), closure.reason(), closure.partnershipId(), closure.expired(),
					closure.by()))
			.orElse(null);
		return document;
	}

	PartnerSearch toDomain() {
		LocalAuthority searcher = new LocalAuthority(new LocalAuthorityId(localAuthority.id()), localAuthority.code(),
				localAuthority.name(), Country.of(localAuthority.country()), localAuthority.kind(),
				localAuthority.population());
		return PartnerSearch.restore(new PartnerSearchId(getId()), getVersion(), searcher, themes,
				countries.stream().map(Country::of).toList(), description, LocalDate.parse(openUntil), openedAt,
				openedBy, status, closure == null ? null : new Closure(closure.at(), closure.reason(),
						closure.partnershipId(), closure.expired(), closure.by()));
	}

	record SearcherEntry(String id, @Nullable String code, String name, String country, LocalAuthorityKind kind,
			@Nullable Integer population) {
	}

	record ClosureEntry(Instant at, String reason, @Nullable String partnershipId, boolean expired, String by) {
	}

}
