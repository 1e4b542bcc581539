package org.decoop.partnership.partnership;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.decoop.events.Country;
import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.localauthority.domain.Coordinates;
import org.decoop.partnership.localauthority.domain.LocalAuthorityId;
import org.decoop.partnership.partnership.domain.Coordinator;
import org.decoop.partnership.partnership.domain.Partner;
import org.decoop.partnership.partnership.domain.Partnership;
import org.decoop.partnership.partnership.domain.PartnershipId;
import org.decoop.partnership.partnership.domain.StatusChange;
import org.decoop.platform.outbox.OutboxDocument;
import org.decoop.platform.outbox.Outbox;
import org.decoop.events.Sources;
import org.decoop.events.Topics;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.jspecify.annotations.Nullable;

/**
 * How a partnership is stored: its state, and (in the base class) its version and
 * unpublished events. Each list and search is answered from an index that also holds its
 * order (newest first), so a page is read from the index, not sorted from the collection
 * (see QueryIndexesTest).
 */
@Document(PartnershipDocument.COLLECTION)
// partnership events wait in it until the platform's relay publishes them
@Outbox(topic = Topics.PARTNERSHIP_EVENTS, source = Sources.PARTNERSHIP_SERVICE)
@CompoundIndexes({ @CompoundIndex(name = "newest", def = "{'establishedAt': -1, '_id': 1}"),
		@CompoundIndex(name = "by_status", def = "{'status': 1, 'establishedAt': -1, '_id': 1}"),
		@CompoundIndex(name = "by_country", def = "{'partners.country': 1, 'establishedAt': -1, '_id': 1}"),
		@CompoundIndex(name = "by_theme", def = "{'themes': 1, 'establishedAt': -1, '_id': 1}"),
		@CompoundIndex(name = "by_partner", def = "{'partners._id': 1, 'establishedAt': -1, '_id': 1}"),
		@CompoundIndex(name = "dormancy", def = "{'status': 1, 'lastActivityOn': 1}") })
// Spring Data sets the fields of a document it reads; of() sets them for one it writes
@SuppressWarnings("NullAway.Init")
class PartnershipDocument extends OutboxDocument {

	static final String COLLECTION = "partnerships";

	PartnershipStatus status;

	List<PartnerEntry> partners;

	@Nullable Integer since;

	List<Theme> themes;

	@Nullable CoordinatorEntry coordinator;

	List<HistoryEntry> history;

	/** Changes left out of {@code history} (absent: none). */
	Integer omittedChanges;

	/** ISO date kept as text: no time-zone shift between Java and BSON dates. */
	@Nullable String lastActivityOn;

	Instant establishedAt;

	PartnershipDocument() {
	}

	private PartnershipDocument(String id, @Nullable Long version) {
		super(id, version);
	}

	/** The partnership's state; its version and events are written by the store. */
	static PartnershipDocument of(Partnership partnership) {
		PartnershipDocument document = new PartnershipDocument(partnership.id().value(), null);
		document.status = partnership.status();
		document.partners = partnership.partners()
			.stream()
			.map(p -> new PartnerEntry(p.id().value(), p.code(), p.name(), p.country().code(), p.latitude(),
					p.longitude()))
			.toList();
		document.since = partnership.since();
		document.themes = List.copyOf(partnership.themes());
		document.coordinator = partnership.coordinator()
			.map(coordinator -> new CoordinatorEntry(coordinator.name(), coordinator.email()))
			.orElse(null);
		document.history = partnership.history()
			.stream()
			.map(h -> new HistoryEntry(h.status(), h.at(), h.reason(), h.planId(), h.by()))
			.toList();
		document.omittedChanges = partnership.omittedChanges();
		LocalDate lastActivityOn = partnership.lastActivityOn();
		document.lastActivityOn = lastActivityOn == null ? null : lastActivityOn.toString();
		document.establishedAt = partnership.history().get(0).at();
		return document;
	}

	Partnership toDomain() {
		return Partnership.restore(new PartnershipId(getId()), getVersion(), status,
				partners.stream()
					.map(p -> new Partner(new LocalAuthorityId(p.id()), p.code(), p.name(), Country.of(p.country()),
							Coordinates.of(p.latitude(), p.longitude()).orElse(null)))
					.toList(),
				since, themes == null ? List.of() : themes,
				coordinator == null ? null : new Coordinator(coordinator.name(), coordinator.email()),
				history.stream()
					.map(h -> new StatusChange(h.status(), h.at(), h.reason(), h.planId(), h.by()))
					.toList(),
				omittedChanges == null ? 0 : omittedChanges,
				lastActivityOn == null ? null : LocalDate.parse(lastActivityOn));
	}

	/** latitude and longitude: absent in partnerships stored before places were kept. */
	record PartnerEntry(String id, @Nullable String code, String name, String country, @Nullable Double latitude,
			@Nullable Double longitude) {
	}

	record CoordinatorEntry(String name, String email) {
	}

	record HistoryEntry(PartnershipStatus status, Instant at, String reason, @Nullable String planId, String by) {
	}

}
