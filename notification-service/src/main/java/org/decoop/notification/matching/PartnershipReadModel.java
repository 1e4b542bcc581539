package org.decoop.notification.matching;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.platform.readmodel.ReadModelPointers;
import org.decoop.platform.readmodel.VersionedReadModel;
import org.decoop.platform.readmodel.VersionedReadModels;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * notification-service's read model of partnerships (partners, countries, themes), so
 * that plan events can be matched by the partners and countries of the partnerships they
 * name. Applied by the partnership's version: duplicates and reordering leave the newest
 * state.
 */
@Component
class PartnershipReadModel {

	static final String COLLECTION = "partnership_views";

	private final VersionedReadModel versions;

	PartnershipReadModel(VersionedReadModels readModels, ReadModelPointers pointers) {
		this.versions = readModels.following(pointers, COLLECTION);
	}

	/** A partnership as notifications describe it. */
	record PartnershipInfo(String id, List<PartnershipEvent.Partner> partners) {

		/** "Nevers (FR) – Sremska Mitrovica (RS)". */
		String name() {
			return partners.stream().map(p -> p.name() + " (" + p.country() + ")").collect(Collectors.joining(" – "));
		}
	}

	void apply(PartnershipEvent event) {
		apply(event, versions);
	}

	/** ... to {@code into}: the live collection, or the one a rebuild fills. */
	static void apply(PartnershipEvent event, VersionedReadModel into) {
		into.apply(event.partnershipId(), event.version(),
				new Update().set("status", event.status().name())
					.set("partners", event.partners()
						.stream()
						.map(p -> new Document("id", p.id()).append("name", p.name()).append("country", p.country()))
						.toList())
					.set("themes", event.themes().stream().map(Enum::name).toList())
					.set("updatedAt", Date.from(event.occurredAt())));
	}

	Map<String, PartnershipInfo> byIds(Collection<String> ids) {
		return versions.byIds(ids)
			.stream()
			.map(document -> new PartnershipInfo(document.getString("_id"), document.getList("partners", Document.class)
				.stream()
				.map(p -> new PartnershipEvent.Partner(p.getString("id"), p.getString("name"), p.getString("country")))
				.toList()))
			.collect(Collectors.toMap(PartnershipInfo::id, Function.identity()));
	}

}
