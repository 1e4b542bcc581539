package org.decoop.partnership.partnership.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.decoop.events.PartnershipStatus;
import org.decoop.events.Theme;
import org.decoop.partnership.partnership.domain.Partner;
import org.decoop.partnership.partnership.domain.Partnership;
import org.decoop.platform.domain.Actor;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

public record PartnershipResponse(String id, long version, PartnershipStatus status, List<PartnerResponse> partners,
		@Nullable Integer since, Set<Theme> themes, @Nullable CoordinatorResponse coordinator,
		@Nullable LocalDate lastActivityOn,
		@Schema(description = "The establishment and the latest changes (at most 100); the events on partnership-events keep them all") List<HistoryResponse> history,
		@Schema(description = "How many changes between the establishment and the first one listed are left out of history") int omittedChanges) {

	/**
	 * The coordinator's e-mail only for a caller acting for a partner, or a steward: the
	 * rest is open data.
	 */
	public static PartnershipResponse of(Partnership partnership, Optional<Actor> viewer) {
		boolean mayContact = viewer
			.map(actor -> actor
				.mayActForAny(partnership.partners().stream().map(Partner::code).filter(Objects::nonNull).toList()))
			.orElse(false);
		return new PartnershipResponse(partnership.id().value(), partnership.version(), partnership.status(),
				partnership.partners()
					.stream()
					.map(p -> new PartnerResponse(p.id().value(), p.code(), p.name(), p.country().code()))
					.toList(),
				partnership.since(), partnership.themes(),
				partnership.coordinator()
					.map(coordinator -> new CoordinatorResponse(coordinator.name(),
							mayContact ? coordinator.email() : null))
					.orElse(null),
				partnership.lastActivityOn(),
				partnership.history()
					.stream()
					.map(h -> new HistoryResponse(h.status(), h.at(), h.reason(), h.planId(), h.by()))
					.toList(),
				partnership.omittedChanges());
	}
}
