package org.decoop.plan.partnershipview;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.decoop.events.PartnershipStatus;
import org.decoop.events.partnership.PartnershipEvent;
import org.decoop.platform.readmodel.ReadModelPointers;
import org.decoop.platform.readmodel.VersionedReadModel;
import org.decoop.platform.readmodel.VersionedReadModels;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * plan-service's own read model of partnerships, from {@code partnership-events}, applied
 * by version.
 */
@Component
public class PartnershipReadModel {

	static final String COLLECTION = "partnership_views";

	private final VersionedReadModel versions;

	PartnershipReadModel(VersionedReadModels readModels, ReadModelPointers pointers) {
		this.versions = readModels.following(pointers, COLLECTION);
	}

	/**
	 * Applies the event unless the same or a newer version of the partnership is already
	 * stored.
	 */
	public void apply(PartnershipEvent event) {
		apply(event, versions);
	}

	/** ... to {@code into}: the live collection, or the one a rebuild fills. */
	static void apply(PartnershipEvent event, VersionedReadModel into) {
		into.apply(event.partnershipId(), event.version(), new Update().set("status", event.status().name())
			.set("partnerIds", event.partners().stream().map(PartnershipEvent.Partner::id).toList())
			.set("partnerCodes",
					event.partners().stream().map(PartnershipEvent.Partner::code).filter(Objects::nonNull).toList())
			.set("countries", event.partners().stream().map(PartnershipEvent.Partner::country).distinct().toList())
			.set("themes", event.themes().stream().map(Enum::name).toList())
			.set("updatedAt", Date.from(event.occurredAt())));
	}

	/** The known partnerships among {@code ids}, by id. */
	public Map<String, PartnershipView> byIds(Collection<String> ids) {
		return versions.byIds(ids)
			.stream()
			.map(document -> new PartnershipView(document.getString("_id"),
					PartnershipStatus.valueOf(document.getString("status")),
					document.get(VersionedReadModel.VERSION, Number.class).longValue(),
					Set.copyOf(document.getList("partnerCodes", String.class, List.of()))))
			.collect(Collectors.toMap(PartnershipView::id, Function.identity()));
	}

}
